/**
 * The design validator: every problem at once, each with its JSON path and a plain message.
 * It works on raw input, so one call reports wrong types, bad ranges, duplicate ids and
 * dangling references together; the cross-element rules run once the shape is sound.
 */
import {
  VIRTUALIZATION_PRODUCTS,
  type CollectionKey,
  type EntityKind,
} from '../../../shared/design/enums'
import { MAX_ID_CHARS } from '../../../shared/design/id'
import type { Design } from '../../../shared/design/schema'
import type { Problem } from '../../../shared/domain/problem'
import { checkNestingRules } from '../nesting/rules'
import { checkStorageRules } from '../storage/storage-rules'
import { checkNetworkRules } from './network-rules'
import { parseDesign } from './parse'
import { quote } from './quote'
import { COLLECTION_KIND, REFERENCE_FIELDS } from './references'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * A raw item's id as a problem's `elementId`: only an id the schema could accept (at most
 * `MAX_ID_CHARS`), so a 4,000,000-character one is not sent back with each of its problems.
 */
function elementOf(id: unknown): { elementId?: string } {
  return typeof id === 'string' && id.length <= MAX_ID_CHARS ? { elementId: id } : {}
}

/** Ids and kinds found in raw input, tolerating any shape. */
function collectIds(raw: Record<string, unknown>, problems: Problem[]): Map<string, EntityKind> {
  const seen = new Map<string, { kind: EntityKind; path: string }>()
  for (const [key, kind] of Object.entries(COLLECTION_KIND) as Array<[CollectionKey, EntityKind]>) {
    const list = raw[key]
    if (!Array.isArray(list)) continue
    list.forEach((item, index) => {
      if (!isRecord(item) || typeof item.id !== 'string' || item.id === '') return
      const path = `${key}[${index}].id`
      const first = seen.get(item.id)
      if (first) {
        problems.push({
          severity: 'error',
          path,
          message: `duplicate id ${quote(item.id)} (first used at ${first.path})`,
          ...elementOf(item.id),
        })
      } else seen.set(item.id, { kind, path })
    })
  }
  return new Map([...seen].map(([id, v]) => [id, v.kind]))
}

function checkReferences(
  raw: Record<string, unknown>,
  ids: Map<string, EntityKind>,
  problems: Problem[],
): void {
  for (const ref of REFERENCE_FIELDS) {
    const list = raw[ref.collection]
    if (!Array.isArray(list)) continue
    list.forEach((item, index) => {
      if (!isRecord(item)) return
      const target = item[ref.field]
      if (typeof target !== 'string' || target === '') return
      const path = `${ref.collection}[${index}].${ref.field}`
      const { elementId } = elementOf(item.id)
      const kind = ids.get(target)
      if (!kind) {
        problems.push({
          severity: 'error',
          path,
          message: `refers to ${quote(target)}, which does not exist`,
          elementId,
        })
      } else if (!ref.targets.includes(kind)) {
        problems.push({
          severity: 'error',
          path,
          message: `refers to ${quote(target)}, a ${kind}; expected ${ref.targets.join(' or ')}`,
          elementId,
        })
      }
    })
  }
}

/** Rules across elements, on a design whose shape is already sound. */
function checkRules(design: Design, problems: Problem[]): void {
  const err = (path: string, message: string, elementId?: string): void => {
    problems.push({ severity: 'error', path, message, elementId })
  }
  const warn = (path: string, message: string, elementId?: string): void => {
    problems.push({ severity: 'warning', path, message, elementId })
  }

  design.hosts.forEach((h, i) => {
    const p = `hosts[${i}]`
    if (h.sockets * h.coresPerSocket === 0)
      err(`${p}.coresPerSocket`, 'host has zero CPU cores', h.id)
    const kind = VIRTUALIZATION_PRODUCTS[h.virtualization.product]
    if (kind !== h.virtualization.kind)
      err(
        `${p}.virtualization.product`,
        `${h.virtualization.product} is ${kind}, not ${h.virtualization.kind}`,
        h.id,
      )
    if (h.virtualization.kind === 'hvm' && h.cpuExtensions === 'none')
      warn(
        `${p}.cpuExtensions`,
        'hardware-assisted virtualization needs VT-x or AMD-V; this host can run no VM',
        h.id,
      )
    for (let k = 1; k < h.powerCurveW.length; k++) {
      if ((h.powerCurveW[k] ?? 0) < (h.powerCurveW[k - 1] ?? 0)) {
        warn(`${p}.powerCurveW[${k}]`, 'power drops as load rises', h.id)
        break
      }
    }
  })

  const linkCount = new Map<string, number>()
  design.links.forEach((l, i) => {
    if (l.sourceId === l.targetId)
      err(`links[${i}].targetId`, 'a link cannot connect an element to itself', l.id)
    linkCount.set(l.sourceId, (linkCount.get(l.sourceId) ?? 0) + 1)
    linkCount.set(l.targetId, (linkCount.get(l.targetId) ?? 0) + 1)
  })
  design.switches.forEach((s, i) => {
    const used = linkCount.get(s.id) ?? 0
    if (used > s.ports) err(`switches[${i}].ports`, `${used} links but only ${s.ports} ports`, s.id)
  })

  design.storage.forEach((s, i) => {
    if (s.kind === 'local' && !s.hostId)
      err(`storage[${i}].hostId`, 'local storage must name the host it is in', s.id)
  })

  const containerOs = new Set(
    design.hosts.filter((h) => h.virtualization.kind === 'os').map((h) => h.virtualization.hostOs),
  )
  const classes = new Set(design.storage.flatMap((s) => s.classes))
  const networkTenant = new Map(design.networks.map((n) => [n.id, n.tenantId]))
  design.workloads.forEach((w, i) => {
    const p = `workloads[${i}]`
    if (w.kind === 'container' && w.count > 0 && !w.nesting && !containerOs.has(w.guestOs)) {
      err(
        `${p}.guestOs`,
        containerOs.size === 0
          ? 'container workload, but no host runs OS-level virtualization'
          : `container workload for ${w.guestOs}, but every container host runs ${[...containerOs].join(', ')}`,
        w.id,
      )
    }
    if (w.storageClass && !classes.has(w.storageClass))
      err(`${p}.storageClass`, `no storage system serves class ${quote(w.storageClass)}`, w.id)
    if (w.networkId) {
      const owner = networkTenant.get(w.networkId)
      if (owner !== undefined && owner !== w.tenantId)
        err(`${p}.networkId`, 'network belongs to another tenant', w.id)
    }
    if (w.traceId && w.demand)
      warn(`${p}.demand`, 'both a trace and a synthetic profile; the trace is used', w.id)
  })

  checkStorageRules(design, err, warn)

  const hostIds = new Set(design.hosts.map((h) => h.id))
  design.simulation.failures.schedule.forEach((f, i) => {
    if (!hostIds.has(f.hostId))
      err(
        `simulation.failures.schedule[${i}].hostId`,
        `refers to ${quote(f.hostId)}, which is not a host`,
      )
  })
  checkNetworkRules(design, problems)
  checkNestingRules(design, err, warn)
}

/**
 * Shape, ranges, unique ids and references: what a design must satisfy to be opened at all.
 * Returns the parsed design only when there is no such problem.
 */
export function checkIntegrity(raw: unknown): { design?: Design; problems: Problem[] } {
  const problems: Problem[] = []
  const parsed = parseDesign(raw)
  if (!parsed.ok) problems.push(...parsed.problems)
  if (isRecord(raw)) {
    const ids = collectIds(raw, problems)
    checkReferences(raw, ids, problems)
  } else if (parsed.ok === false && problems.length === 0) {
    problems.push({ severity: 'error', path: '', message: 'a design must be a JSON object' })
  }
  return parsed.ok && problems.length === 0 ? { design: parsed.value, problems } : { problems }
}

/**
 * Validates a raw document: every problem at once. A design with no integrity problem can be
 * opened and edited; one with no error at all can also be placed and simulated.
 */
export function validateDesign(raw: unknown): Problem[] {
  const { design, problems } = checkIntegrity(raw)
  if (design) checkRules(design, problems)
  return problems
}

/** The cross-element rules alone, for a design already known to be sound. */
export function checkDesignRules(design: Design): Problem[] {
  const problems: Problem[] = []
  checkRules(design, problems)
  return problems
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error')
}
