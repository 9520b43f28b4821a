import { describe, expect, it } from 'vitest'
import { treeDesign } from '../network/tree-design.test-util'
import { checkDesignRules } from './validate'

describe('network rules', () => {
  it('names each bad peer, uplink attachment and failure target by its JSON path', () => {
    const design = treeDesign({
      racks: 1,
      hostsPerRack: 1,
      extra: {
        tenants: [
          { id: 't1', name: 'one', colour: '#111111' },
          { id: 't2', name: 'two', colour: '#222222' },
        ],
        workloads: [
          {
            id: 'a',
            tenantId: 't1',
            name: 'a',
            kind: 'vm',
            count: 1,
            vcpus: 1,
            mipsPerVcpu: 100,
            memoryMiB: 100,
            diskGiB: 0,
            guestOs: 'linux',
            traffic: {
              eastWest: [
                { peerWorkloadId: 'b', sendGbps: 1 },
                { peerWorkloadId: 'zz', sendGbps: 1 },
              ],
            },
          },
          {
            id: 'b',
            tenantId: 't2',
            name: 'b',
            kind: 'vm',
            count: 1,
            vcpus: 1,
            mipsPerVcpu: 100,
            memoryMiB: 100,
            diskGiB: 0,
            guestOs: 'linux',
          },
        ],
      },
    })
    design.fabric = {
      externalUplinks: [{ id: 'a', name: 'x', switchIds: ['tor0', 'nope'], capacityGbps: 1 }],
      failureSchedule: [{ elementId: 'h0-0', atS: 0, repairS: 1 }],
    }
    const problems = checkDesignRules(design).filter((p) => p.severity === 'error')
    expect(problems.map((p) => p.path)).toEqual([
      'workloads[0].traffic.eastWest[0].peerWorkloadId',
      'workloads[0].traffic.eastWest[1].peerWorkloadId',
      'fabric.externalUplinks[0].id',
      'fabric.externalUplinks[0].switchIds[0]',
      'fabric.externalUplinks[0].switchIds[1]',
      'fabric.failureSchedule[0].elementId',
    ])
    expect(problems[0]?.message).toMatch(/another tenant/)
    expect(problems[3]?.message).toMatch(/access switch/)
  })
})
