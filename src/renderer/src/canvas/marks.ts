/** Marks drawn over the design: problem borders and migrations in flight. */
import type { Core } from 'cytoscape'
import type { Problem } from '../../../shared/contract'

/** Ids of elements with an error, and with a warning. */
export interface ProblemIds {
  errors: Set<string>
  warnings: Set<string>
}

/** Marks elements with problems (a border); returns the ids marked (hosts created later too). */
export function markProblems(cy: Core, problems: readonly Problem[]): ProblemIds {
  const errors = new Set<string>()
  const warnings = new Set<string>()
  for (const p of problems) {
    if (!p.elementId) continue
    ;(p.severity === 'error' ? errors : warnings).add(p.elementId)
  }
  cy.batch(() => {
    cy.elements('.has-error, .has-warning').removeClass('has-error has-warning')
    for (const id of errors) cy.getElementById(id).addClass('has-error')
    for (const id of warnings) cy.getElementById(id).addClass('has-warning')
  })
  return { errors, warnings }
}

/** Most migrations drawn at once (more are a blur of arrows). */
const MIGRATIONS_DRAWN = 200

/** Draws the migrations in flight as dashed arrows between hosts on the canvas. */
export function drawMigrations(
  cy: Core,
  migrations: ReadonlyArray<{ id: string; from: string; to: string }>,
): void {
  cy.batch(() => {
    cy.edges('.migration').remove()
    for (const m of migrations.slice(0, MIGRATIONS_DRAWN)) {
      if (cy.getElementById(m.from).empty() || cy.getElementById(m.to).empty()) continue
      cy.add({
        group: 'edges',
        data: { id: `migration:${m.id}`, source: m.from, target: m.to, kind: 'migration' },
        classes: 'migration',
        selectable: false,
      })
    }
  })
}
