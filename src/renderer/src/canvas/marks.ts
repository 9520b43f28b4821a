/** Marks drawn over the design: problem borders and migrations in flight. */
import type { Core } from 'cytoscape'
import type { ProblemElements } from '../../../shared/contract'

/** Ids of elements with an error, and with a warning. */
export interface ProblemIds {
  errors: Set<string>
  warnings: Set<string>
}

/**
 * Marks elements with problems (a border); returns the ids marked (hosts created later too).
 * The ids come from main apart from the listed problems, which are bounded (review s9a #1).
 */
export function markProblems(cy: Core, elements: ProblemElements): ProblemIds {
  const errors = new Set(elements.errors)
  const warnings = new Set(elements.warnings)
  cy.batch(() => {
    cy.elements('.has-error, .has-warning').removeClass('has-error has-warning')
    for (const id of errors) cy.getElementById(id).addClass('has-error')
    for (const id of warnings) cy.getElementById(id).addClass('has-warning')
  })
  return { errors, warnings }
}

/** Most migrations drawn at once (more are a blur of arrows). */
const MIGRATIONS_DRAWN = 200

/** A migration in flight: an instance moving from host `from` to host `to`. */
export interface MigrationMark {
  id: string
  from: string
  to: string
}

/**
 * Draws the migrations in flight as dashed arrows between hosts on the canvas. A host not on
 * the canvas (its rack shows totals, `lazy-hosts.ts`) is stood for by `standIn(id)` (its
 * rack): migrations between the same two stand-ins are one arrow carrying their `count`;
 * one inside a single rack not zoomed into draws nothing.
 */
export function drawMigrations(
  cy: Core,
  migrations: readonly MigrationMark[],
  standIn: (id: string) => string | undefined = () => undefined,
): void {
  const end = (id: string): string | undefined =>
    cy.getElementById(id).nonempty() ? id : standIn(id)
  cy.batch(() => {
    cy.edges('.migration').remove()
    const grouped = new Map<string, { source: string; target: string; count: number }>()
    let drawn = 0
    for (const m of migrations) {
      if (drawn >= MIGRATIONS_DRAWN) break
      const source = end(m.from)
      const target = end(m.to)
      if (source === undefined || target === undefined || source === target) continue
      if (source === m.from && target === m.to) {
        cy.add({
          group: 'edges',
          data: { id: `migration:${m.id}`, source, target, kind: 'migration', count: 1 },
          classes: 'migration',
          selectable: false,
        })
        drawn++
        continue
      }
      const key = `${source}\u0000${target}`
      const g = grouped.get(key)
      if (g) g.count++
      else {
        grouped.set(key, { source, target, count: 1 })
        drawn++
      }
    }
    for (const { source, target, count } of grouped.values())
      cy.add({
        group: 'edges',
        data: { id: `migration:${source}->${target}`, source, target, kind: 'migration', count },
        classes: 'migration grouped',
        selectable: false,
      })
  })
}
