/**
 * The validation against CloudSim 3.0.3 (issues 4 and 10): every policy on 20110303 and
 * 20110306, through the same import and simulation users run, compared with CloudSim's recorded
 * results to the digits it recorded: energy to the CSV's 5 decimals; SLATAH, PDM, SLAV and the
 * overall/average SLA violation to their 10 decimals; migrations and host shutdowns equal.
 * This is the yardstick every engine change is held to (`npx vitest run test/planetlab`).
 */
import { describe, expect, it } from 'vitest'
import { simulate } from '../../src/main/engine/simulation'
import { planetLabDesign, POLICY_OF_EXAMPLE, readReference } from './reference-data'

const reference = readReference()

/** `x` written with as many decimals as the recorded cell `cell` has. */
function asRecorded(x: number, cell: string): string {
  const decimals = cell.includes('.') ? cell.length - cell.indexOf('.') - 1 : 0
  return x.toFixed(decimals)
}

for (const date of ['20110303', '20110306']) {
  describe(`PlanetLab ${date} against CloudSim 3.0.3`, () => {
    const design = planetLabDesign(date)
    for (const row of reference.filter((r) => r.date === date)) {
      const policy = POLICY_OF_EXAMPLE[row.example]
      if (!policy) continue
      it(`${row.example} (${policy})`, () => {
        const s = simulate(design, { policy, hostSeries: false }).summary
        const rec = row.recorded
        const got = {
          hosts: String(s.hosts),
          energy_kwh: asRecorded(s.energyKWh, rec['energy_kwh'] ?? ''),
          vm_migrations: String(s.migrations),
          slatah: asRecorded(s.slatah, rec['slatah'] ?? ''),
          pdm: asRecorded(s.pdm, rec['pdm'] ?? ''),
          slav: asRecorded(s.slav, rec['slav'] ?? ''),
          overall_sla_violation: asRecorded(
            s.overallSlaViolation,
            rec['overall_sla_violation'] ?? '',
          ),
          average_sla_violation: asRecorded(
            s.averageSlaViolation,
            rec['average_sla_violation'] ?? '',
          ),
          host_shutdowns: String(s.hostShutdowns),
        }
        const want = Object.fromEntries(Object.keys(got).map((k) => [k, rec[k]]))
        expect(got).toEqual(want)
      })
    }
  })
}
