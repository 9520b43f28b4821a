/**
 * The tenant's virtual network from its declarations: declared rates are per-instance rates ×
 * instance counts (arithmetic on the built-in sample), and the run's figures are its own.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Design } from '../../../shared/design/schema'
import { checkIntegrity } from '../model/validate'
import { projectTenantView } from './project'

const sample = checkIntegrity(
  JSON.parse(
    readFileSync(join(__dirname, '../../../../resources/samples/two-hall.strata.json'), 'utf8'),
  ),
).design as Design

describe('projectVirtualNetwork', () => {
  it('draws acme’s web → db, egress and ingress at per-instance rate × instances', () => {
    const view = projectTenantView(sample, 't-acme')
    if (!view.ok) throw new Error('no acme')
    const vn = view.view.virtualNetwork
    // web: 8 instances, 0.5 Gbps each to db, 0.3 egress, 0.6 ingress (the sample's declarations).
    expect(vn?.links).toEqual([
      { kind: 'east-west', workloadId: 'w-acme-web', peerWorkloadId: 'w-acme-db', declaredGbps: 4 },
      { kind: 'egress', workloadId: 'w-acme-web', declaredGbps: 2.4 },
      { kind: 'ingress', workloadId: 'w-acme-web', declaredGbps: 4.8 },
    ])
    expect(vn?.nodes.map((n) => n.workloadId)).toEqual(['w-acme-db', 'w-acme-web'])
    expect(vn?.traffic).toBeUndefined()
  })

  it('a self-peer (globex compute talks among its instances) is one loop', () => {
    const view = projectTenantView(sample, 't-globex')
    if (!view.ok) throw new Error('no globex')
    expect(view.view.virtualNetwork?.links).toEqual([
      {
        kind: 'east-west',
        workloadId: 'w-globex-hpc',
        peerWorkloadId: 'w-globex-hpc',
        declaredGbps: 24,
      },
    ])
  })

  it('takes the tenant’s own run figures, the fraction recomputed per workload', () => {
    const network = {
      tenants: [
        {
          tenantId: 't-acme',
          gbSent: 30,
          gbReceived: 5,
          demandNotServedGB: 10,
          notServedFraction: 0.25,
          workloads: [{ workloadId: 'w-acme-web', gbSent: 30, demandNotServedGB: 10 }],
        },
        {
          tenantId: 't-globex',
          gbSent: 99,
          gbReceived: 0,
          demandNotServedGB: 1,
          notServedFraction: 0.01,
          workloads: [],
        },
      ],
    }
    const view = projectTenantView(sample, 't-acme', {
      simulation: {
        result: { tenants: [], instances: [], series: { timesS: [], tenants: [] }, network },
      },
    })
    if (!view.ok) throw new Error('no acme')
    expect(view.view.virtualNetwork?.traffic).toEqual({
      gbSent: 30,
      gbReceived: 5,
      demandNotServedGB: 10,
      notServedFraction: 0.25,
      workloads: [
        { workloadId: 'w-acme-web', gbSent: 30, demandNotServedGB: 10, notServedFraction: 10 / 40 },
      ],
    })
  })

  it('is absent for a tenant whose workloads declare no traffic', () => {
    const quiet = { ...sample, workloads: sample.workloads.map(({ traffic: _t, ...w }) => w) }
    const view = projectTenantView(quiet, 't-acme')
    expect(view.ok && view.view.virtualNetwork).toBe(undefined)
  })
})
