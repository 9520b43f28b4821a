// @vitest-environment happy-dom
/**
 * The tenant's virtual network drawing: one node per workload (and the internet when some
 * link goes there), one path per virtual link, the run's figures per workload, and its
 * bottleneck in virtual terms; nothing before the view has a virtual network.
 */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { TenantView } from '../../../../shared/contract'
import TenantVirtualNetwork from './TenantVirtualNetwork.vue'

const base = { networks: [{ id: 'n1' }] } as unknown as TenantView

describe('TenantVirtualNetwork', () => {
  it('draws workloads, virtual links and what was not carried', () => {
    const view = {
      ...base,
      virtualNetwork: {
        nodes: [
          { workloadId: 'db', workloadName: 'database', instanceCount: 2, networkId: 'n1' },
          { workloadId: 'web', workloadName: 'web tier', instanceCount: 4, networkId: 'n1' },
        ],
        links: [
          { kind: 'east-west', workloadId: 'web', peerWorkloadId: 'db', declaredGbps: 8 },
          { kind: 'egress', workloadId: 'web', declaredGbps: 2 },
        ],
        traffic: {
          gbSent: 30,
          demandNotServedGB: 10,
          notServedFraction: 0.25,
          workloads: [
            { workloadId: 'web', gbSent: 30, demandNotServedGB: 10, notServedFraction: 0.25 },
          ],
        },
      },
    } as TenantView
    const w = mount(TenantVirtualNetwork, { props: { view } })
    const nodes = w.findAll('[data-virtual-node]').map((n) => n.attributes('data-virtual-node'))
    expect(nodes.sort()).toEqual(['db', 'internet', 'web'])
    expect(w.findAll('[data-virtual-link]')).toHaveLength(2)
    for (const path of w.findAll('.vnet-link path')) {
      expect(path.attributes('d')).toMatch(/^M [\d.]+ [\d.]+ L /)
      expect(path.attributes('stroke')).toBe('#c62828') // 25 % not carried: red
    }
    expect(w.get('[data-testid="virtual-bottlenecks"]').text()).toBe(
      'Traffic from web tier (to database, the internet) was limited: 10.00 GB of 40.00 GB not carried (25.0 %).',
    )
    expect(w.get('[data-workload-id="web"]').text()).toContain('25.0 %')
  })

  it('shows nothing for a tenant with no traffic', () => {
    expect(mount(TenantVirtualNetwork, { props: { view: base } }).html()).not.toContain('svg')
  })
})
