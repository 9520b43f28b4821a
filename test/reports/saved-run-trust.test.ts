/**
 * A report believes a saved run only as far as a file's `lastRun` is believed on open
 * (review s7b #2): the caller's saved placement and simulation pass the same shape and value
 * checks, or the report places and simulates afresh and the provider's notes say why. And the
 * checks raise no false alarm on real runs: a generated design with node pools (their pods
 * nested in the tenant's VMs) and the sample, each run for real, pass them.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateDesign } from '../../src/main/cli/commands/generate'
import { lastRunValueProblem } from '../../src/main/engine'
import { checkIntegrity } from '../../src/main/engine/model/validate'
import { produceReport } from '../../src/main/services/reports/produce-report'
import type { Design } from '../../src/shared/design/schema'

const sample = checkIntegrity(
  JSON.parse(readFileSync(join(__dirname, '../../resources/samples/two-hall.strata.json'), 'utf8')),
).design as Design

const asSaved = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>

describe('saved runs and reports', () => {
  it('real runs pass the value checks (no false alarm)', { timeout: 300_000 }, async () => {
    const generated = generateDesign({
      hosts: 40,
      racks: 4,
      tenants: 3,
      instances: 320,
      seed: 2,
      horizonH: 24,
    })
    for (const design of [sample, generated]) {
      const out = await produceReport({ design, csv: true })
      expect(out.placement && out.simulation).toBeTruthy()
      const saved = { placement: asSaved(out.placement), simulation: asSaved(out.simulation) }
      expect(lastRunValueProblem(saved, design), design.meta.name).toBeUndefined()
    }
  })

  it('a saved run naming a host the design lacks is not used; the report reruns', async () => {
    const first = await produceReport({ design: sample, csv: true })
    const placement = structuredClone(first.placement)
    if (!placement?.placed[0]) throw new Error('nothing placed')
    placement.placed[0].hostId = 'no-such-host'
    const out = await produceReport({
      design: sample,
      csv: true,
      placement,
      simulation: first.simulation,
    })
    expect(out.notes).toContain(
      'The saved run was not used (lastRun.placement.placed.0.hostId: "no-such-host" is not a ' +
        'host of this design); the design was placed and simulated again.',
    )
    const hosts = new Set(sample.hosts.map((h) => h.id))
    expect(out.placement?.placed.every((p) => hosts.has(p.hostId))).toBe(true)
    // A tenant's report reruns the same way, and its notes never quote the design.
    const tenant = await produceReport({
      design: sample,
      tenantId: 't-acme',
      csv: true,
      placement,
      simulation: first.simulation,
    })
    expect(tenant.notes).toEqual([])
  }, 300_000)
})
