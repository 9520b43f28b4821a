/** The built-in sample meets a new user with a node pool: Globex's job containers in its HPC VMs. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkIntegrity, checkDesignRules } from '../model/validate'
import { createScheduler } from '../scheduler'
import { simulate } from '../simulation'

const design = checkIntegrity(
  JSON.parse(
    readFileSync(join(__dirname, '../../../../resources/samples/two-hall.strata.json'), 'utf8'),
  ),
).design

describe('the built-in sample', () => {
  it('places every job container in a Globex HPC VM', () => {
    if (!design) throw new Error('the sample does not open')
    expect(checkDesignRules(design).filter((p) => p.severity === 'error')).toEqual([])
    const r = createScheduler(design).placeAll()
    const jobs = r.placed.filter((p) => p.workloadId === 'w-globex-jobs')
    expect(jobs).toHaveLength(8)
    const hpc = new Map(
      r.placed.filter((p) => p.workloadId === 'w-globex-hpc').map((p) => [p.instanceId, p.hostId]),
    )
    for (const p of jobs) expect(p.hostId).toBe(hpc.get(p.outerInstanceId ?? ''))
    const result = simulate({ ...design, simulation: { ...design.simulation, horizonS: 3600 } })
    expect(result.layers?.map((l) => l.layer)).toContain('container-runtime')
  })
})
