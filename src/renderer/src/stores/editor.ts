/**
 * Editing actions shared by the palette, menus, shortcuts and context menus. Each turns a
 * user intent into ONE edit command (or batch) for main, so one undo reverts it.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { EditCommandInput } from '../../../shared/contract/schemas/design'
import type { Design } from '../../../shared/design/schema'
import { CANVAS_KINDS } from '../drawing/drawn-kinds'
import { nextRackSlot } from '../drawing/rack-slot'
import { tieredLayout } from '../drawing/tiered-layout'
import { useDesignStore } from './design'
import { useSelectionStore } from './selection'
import { useUiStore } from './ui'
import { freshId, paletteItem } from './templates'

type Item = { id: string } & Record<string, unknown>
const COPYABLE = new Set(['rack', 'host', 'switch', 'storage', 'link'])
const PASTE_OFFSET = 40

interface Clip {
  items: Array<{ kind: string; entity: Item }>
}

export const useEditorStore = defineStore('editor', () => {
  const design = useDesignStore()
  const selection = useSelectionStore()
  const ui = useUiStore()
  const clipboard = shallowRef<Clip | undefined>()

  const taken = (id: string): boolean => design.index.has(id)

  async function run(command: EditCommandInput, selectAfter?: string[]): Promise<boolean> {
    const result = await design.apply(command)
    if (!result.ok) {
      ui.notify('error', result.error.problems?.[0]?.message ?? result.error.message)
      return false
    }
    if (selectAfter) selection.set(selectAfter)
    return true
  }

  /** Adds a palette item at a model position (inside `rackId` when dropped on a rack). */
  async function addFromPalette(
    key: string,
    position: { x: number; y: number },
    rackId?: string,
  ): Promise<string | undefined> {
    const item = paletteItem(key)
    if (!item) return undefined
    const d = design.design
    let tenantId: string | undefined
    if (item.kind === 'workload') {
      const picked = selection.single && design.index.get(selection.single)
      tenantId =
        picked && picked.kind === 'tenant'
          ? picked.entity.id
          : picked && picked.kind === 'workload'
            ? String(picked.entity.tenantId)
            : d?.tenants[0]?.id
      if (!tenantId) {
        ui.notify('error', 'Add a tenant first: a workload group belongs to a tenant.')
        return undefined
      }
    }
    const prefix = item.kind === 'workload' ? 'wl' : item.kind
    const id = freshId(prefix, taken)
    const n = (d?.[item.kind === 'tenant' ? 'tenants' : 'workloads'].length ?? 0) + 1
    const entity = item.make(id, { position, rackId, tenantId, n })
    // dropped into a rack: its next free slot, not on top of a member (review s9u C7)
    if (d && typeof entity.rackId === 'string')
      entity.position = nextRackSlot(d as Design, entity.rackId, item.kind === 'switch', position)
    const ok = await run({ type: 'add', kind: item.kind, entity }, [id])
    if (ok && !item.onCanvas) ui.panel = 'tenants'
    return ok ? id : undefined
  }

  function deleteSelection(): Promise<boolean> {
    const ids = selection.ids.filter(taken)
    if (ids.length === 0) return Promise.resolve(false)
    return run({ type: 'remove', ids }, [])
  }

  function selectAll(): void {
    selection.set(
      [...design.index.values()].filter((e) => CANVAS_KINDS.has(e.kind)).map((e) => e.entity.id),
    )
  }

  function copy(): number {
    const items = selection.ids
      .map((id) => design.index.get(id))
      .filter((e): e is NonNullable<typeof e> => !!e && COPYABLE.has(e.kind))
      .map((e) => ({ kind: e.kind as string, entity: structuredClone(e.entity) }))
    // links between two copied nodes come along
    const ids = new Set(items.map((i) => i.entity.id))
    for (const link of design.design?.links ?? [])
      if (ids.has(link.sourceId) && ids.has(link.targetId) && !ids.has(link.id))
        items.push({ kind: 'link', entity: { ...link } })
    clipboard.value = items.length > 0 ? { items } : undefined
    return items.length
  }

  /** Pastes the clipboard with fresh ids, shifted, remapping references among the copies. */
  async function paste(): Promise<boolean> {
    const clip = clipboard.value
    if (!clip) return false
    const used = new Set<string>()
    const remap = new Map<string, string>()
    for (const { kind, entity } of clip.items) {
      const id = freshId(kind, (x) => taken(x) || used.has(x))
      used.add(id)
      remap.set(entity.id, id)
    }
    const order = ['rack', 'host', 'switch', 'storage', 'link']
    const items = [...clip.items].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))
    const commands: EditCommandInput[] = items.map(({ kind, entity }) => {
      const copy: Item = { ...entity, id: remap.get(entity.id) as string }
      if (typeof copy.name === 'string') copy.name = `${copy.name} copy`
      for (const ref of ['rackId', 'sourceId', 'targetId'])
        if (typeof copy[ref] === 'string' && remap.has(copy[ref])) copy[ref] = remap.get(copy[ref])
      const p = copy.position as { x: number; y: number } | undefined
      if (p) copy.position = { x: p.x + PASTE_OFFSET, y: p.y + PASTE_OFFSET }
      return { type: 'add', kind: kind as 'host', entity: copy }
    })
    const label = commands.length === 1 ? 'Paste' : `Paste ${commands.length} elements`
    return run({ type: 'batch', label, commands }, [...remap.values()])
  }

  async function duplicate(): Promise<boolean> {
    const saved = clipboard.value
    const ok = copy() > 0 && (await paste())
    clipboard.value = saved
    return ok
  }

  /** Moves every host, switch and storage system into the tiered layout (one undo step). */
  function layoutTiered(): Promise<boolean> {
    const d = design.design as Design | undefined
    if (!d) return Promise.resolve(false)
    const moves = [...tieredLayout(d)].map(([id, position]) => ({ id, position }))
    if (moves.length === 0) return Promise.resolve(false)
    return run({ type: 'batch', label: 'Tiered layout', commands: [{ type: 'move', moves }] })
  }

  /** Updates several elements with the same patch (bulk edit), one undo step. */
  function updateMany(ids: readonly string[], patch: Record<string, unknown>): Promise<boolean> {
    const commands: EditCommandInput[] = ids.map((id) => ({ type: 'update', id, patch }))
    if (commands.length === 1) return run(commands[0] as EditCommandInput)
    return run({ type: 'batch', label: `Edit ${ids.length} elements`, commands })
  }

  return {
    clipboard,
    run,
    addFromPalette,
    deleteSelection,
    selectAll,
    copy,
    paste,
    duplicate,
    layoutTiered,
    updateMany,
  }
})
