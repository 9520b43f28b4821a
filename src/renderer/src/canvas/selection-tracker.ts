/**
 * The canvas's selection, kept as it changes (reading it from Cytoscape scans every element),
 * reported once per change (in a microtask) unless set by the app itself.
 */
import type { Core } from 'cytoscape'

export class SelectionTracker {
  /** Ids of the selected elements. */
  private readonly ids = new Set<string>()
  private silent = false

  constructor(
    private readonly cy: Core,
    onSelect: (ids: string[]) => void,
  ) {
    cy.on('select', (e) => void this.ids.add(e.target.id()))
    cy.on('unselect remove', (e) => void this.ids.delete(e.target.id()))
    cy.on('select unselect', () => {
      if (this.silent) return
      queueMicrotask(() => onSelect(this.list()))
    })
  }

  /** The selected ids, sorted (migration arrows are not selections). */
  list(): string[] {
    const cy = this.cy
    return [...this.ids].filter((id) => !cy.getElementById(id).hasClass('migration')).sort()
  }

  /**
   * Selects exactly `ids` without reporting it; `prepare` runs first when the selection
   * changes (it puts the elements on the canvas).
   */
  set(ids: readonly string[], prepare: () => void): void {
    const want = new Set(ids)
    const have = this.list()
    if (have.length === want.size && have.every((id) => want.has(id))) return
    prepare()
    this.silent = true
    this.cy.batch(() => {
      for (const id of [...this.ids]) this.cy.getElementById(id).unselect()
      for (const id of ids) this.cy.getElementById(id).select()
    })
    this.silent = false
  }
}
