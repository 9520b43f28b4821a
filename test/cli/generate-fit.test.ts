/**
 * Review s8a #7: `strata generate` wrote designs whose hosts could not hold their instances
 * without a word (40 hosts, 2,000 instances, seed 3: `strata place` refused 1,188; 40 hosts,
 * 5,000 instances: 4,336). Now it warns with the count the scheduler refuses and what would fit.
 * Oracles: the review's own counts from `strata place`; the room estimate worked out by hand
 * from the host's capacity (Nova: (total − reserved) × ratio) and a VM's KVM overheads (5 %
 * CPU; 14 MiB + 4 MiB per vCPU + 0.75 % of its memory); and the real scheduler on the designs
 * the advice leads to.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { generateDesign, type GenerateOptions } from '../../src/main/cli/commands/generate'
import { fitShortfall } from '../../src/main/cli/commands/generate-fit'
import { createScheduler, minimumRacks, syntheticFit } from '../../src/main/engine'
import { standardHost } from '../../src/shared/design/defaults'
import type { Design } from '../../src/shared/design/schema'
import { strataIn } from '../support/strata-cli'

const dir = mkdtempSync(join(tmpdir(), 'strata-generate-fit-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const refusedBy = (d: Design): number => createScheduler(d).placeAll().unplaced.length

describe('the room estimate, by hand', () => {
  it('2 KVM hosts at 80 %: 24 VMs of 8 vCPUs, then 3 of 1 vCPU; about 3 hosts for all 40', () => {
    const host = (id: string) => ({ id, name: id, rackId: 'r', ...standardHost() })
    const vm = (id: string, count: number, vcpus: number, memoryMiB: number) => ({
      id,
      tenantId: 't',
      name: id,
      kind: 'vm' as const,
      count,
      vcpus,
      mipsPerVcpu: 2000,
      memoryMiB,
      diskGiB: 20,
      storageClass: 'block-ssd',
      guestOs: 'linux' as const,
      paravirtAware: false,
      reservedBandwidthMbps: 0,
      iops: 0,
      affinity: { policy: 'none' as const, scope: 'host' as const },
    })
    const fit = syntheticFit({
      hosts: [host('a'), host('b')],
      racks: [
        {
          id: 'r',
          name: 'r',
          uplinkOversubscription: 3,
          cpuAllocationRatio: 4,
          memoryAllocationRatio: 1.2,
        },
      ],
      workloads: [vm('big', 30, 8, 16_384), vm('small', 10, 1, 2048)],
    })
    // a host: 32 cores × 4 = 128,000 milli-vCPUs; ⌊(262,144 − 2,048) × 1.2⌋ = 312,115 MiB.
    // Two at 80 %: 204,800 milli-vCPUs and 499,384 MiB.
    // big: 8 × 1,050 = 8,400 milli; 16,384 + ⌈14 + 32 + 122.88⌉ = 16,553 MiB
    //   → ⌊204,800 / 8,400⌋ = 24, ⌊499,384 / 16,553⌋ = 30: 24 of 30.
    // small, in what is left: 3,200 milli and 102,112 MiB; 1,050 milli, 2,048 + 34 = 2,082 MiB
    //   → ⌊3,200 / 1,050⌋ = 3, ⌊102,112 / 2,082⌋ = 49: 3 of 10.
    expect(fit).toEqual({ instances: 40, fitting: 27, hostsNeeded: Math.ceil((2 * 40) / 27) })
  })
})

describe('strata generate says when the hosts do not hold the instances (review s8a #7)', () => {
  it.each([
    ['3', '2000', '1,188'],
    ['1', '5000', '4,336'],
  ])(
    '40 hosts, %s tenant(s), %s instances, seed 3: the %s refusals the review counted',
    async (tenants, instances, refused) => {
      const args = ['--hosts', '40', '--tenants', tenants, '--instances', instances, '--seed', '3']
      const r = await strataIn(dir, 'generate', ...args, '-o', 'over.strata.json')
      expect(r.code, r.err).toBe(0)
      expect(r.err).toMatch(
        new RegExp(
          `^strata generate: warning: ${Number(instances).toLocaleString('en-US')} instances need ` +
            `about ([\\d,]+) hosts of this mix; ${refused} will not be placed \\(strata place ` +
            `refuses them\\): give --hosts ≥ \\1, or --instances ≤ [\\d,]+$`,
        ),
      )
      const placed = await strataIn(dir, 'place', 'over.strata.json')
      expect(placed.out).toContain(`; ${refused} refused`)
    },
  )

  it('the default size places everything and says nothing', async () => {
    const r = await strataIn(dir, 'generate', '--hosts', '40', '-o', 'fits.strata.json')
    expect(r.code, r.err).toBe(0)
    expect(r.err).toBe('')
  })

  it('over sizes, seeds, tenants and node pools: warned exactly when the scheduler refuses, and the advice fits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 3 }),
        (hosts, perHost, seed, tenants, nodePools) => {
          const o: GenerateOptions = {
            hosts,
            racks: minimumRacks(hosts),
            tenants,
            instances: hosts * perHost,
            seed,
            horizonH: 24,
            nodePools,
          }
          const design = generateDesign(o)
          const short = fitShortfall(design, o, generateDesign, 20_000)
          const refused = refusedBy(design)
          expect(short?.refused ?? 0).toBe(refused)
          if (!short) return
          // what the warning tells the user to give places every instance
          expect(refusedBy(generateDesign({ ...o, instances: short.instancesFitting }))).toBe(0)
          const hostsNeeded = short.hostsNeeded as number
          expect(hostsNeeded).toBeGreaterThan(hosts)
          const more = { ...o, hosts: hostsNeeded, racks: minimumRacks(hostsNeeded) }
          expect(refusedBy(generateDesign(more))).toBe(0)
        },
      ),
      { numRuns: 80, seed: 87 },
    )
  }, 120_000)
})
