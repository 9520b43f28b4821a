/**
 * The reported simulation cases (issue 10; inputs in `test/fixtures/cases/simulation`, source
 * in its NOTICE.md), read through the same file reader every command uses, with the right
 * values from arithmetic.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkDesignRules, hasErrors } from '../../src/main/engine'
import { readStrataFile } from '../../src/main/engine/persistence'
import { InvalidDesignError, simulate } from '../../src/main/engine/simulation'
import type { Design } from '../../src/shared/design/schema'

const CASES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/cases/simulation')

function open(name: string): Design {
  const read = readStrataFile(readFileSync(resolve(CASES, name)), { source: name })
  if (!read.ok) throw new Error(`${read.message}: ${JSON.stringify(read.problems)}`)
  return read.design
}

describe('reported simulation cases', () => {
  it('occupied-host-at-zero-demand: the host holds an instance, so 100 W × 3600 s = 0.1 kWh', () => {
    const r = simulate(open('occupied-host-at-zero-demand.strata.json'))
    expect(Math.abs(r.summary.energyKWh - 0.1)).toBeLessThanOrEqual(1e-12)
    expect(r.instances[0]?.status).toBe('running')
  })

  it('one-vm-one-hour: 125 W × 1 h = 0.125 kWh, 1.0 vCPU-h, bill 1.00 USD', () => {
    const r = simulate(open('one-vm-one-hour.strata.json'))
    expect(Math.abs(r.summary.energyKWh - 0.125)).toBeLessThanOrEqual(1e-12)
    const t = r.tenants[0]
    expect(t?.vcpuHours).toBe(1)
    expect(t?.bill.total.toFixed(2)).toBe('1.00')
    expect(t?.bill.currency).toBe('USD')
  })

  it('zero-core-host: validation refuses it, naming hosts[0].coresPerSocket', () => {
    const problems = checkDesignRules(open('zero-core-host.strata.json'))
    expect(hasErrors(problems)).toBe(true)
    expect(problems.map((p) => p.path)).toContain('hosts[0].coresPerSocket')
    // The engine refuses it too, whoever calls it: no run, so no NaN energy.
    expect(() => simulate(open('zero-core-host.strata.json'))).toThrow(InvalidDesignError)
    expect(() => simulate(open('zero-core-host.strata.json'))).toThrow(/hosts\[0\]\.coresPerSocket/)
  })
})
