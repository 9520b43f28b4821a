/** The inspector's nesting fields (issue 18): a node pool is made and undone by patches. */
import { describe, expect, it } from 'vitest'
import { FIELDS, patchFor } from './fields'

const pod = { id: 'pods', tenantId: 't1', kind: 'container' }
const vm = { id: 'vms', tenantId: 't1', kind: 'vm' }

describe('nesting fields', () => {
  it('offer only the same tenant’s other VM groups to run inside', () => {
    const field = FIELDS.workload?.find((f) => f.path === 'nesting.runsIn')
    const design = {
      workloads: [vm, pod, { id: 'other', tenantId: 't2', kind: 'vm', name: 'Other' }],
    }
    const options = typeof field?.options === 'function' ? field.options(design as never, pod) : []
    expect(options.map((o) => o.value)).toEqual(['vms'])
  })

  it('set and clear a whole nesting or inner layer', () => {
    expect(patchFor(pod, 'nesting.runsIn', 'vms')).toEqual({ nesting: { runsIn: 'vms' } })
    expect(patchFor({ ...pod, nesting: { runsIn: 'vms' } }, 'nesting.runsIn', undefined)).toEqual({
      nesting: null,
    })
    expect(patchFor(vm, 'innerLayer.kind', 'os')).toEqual({
      innerLayer: { kind: 'os', product: 'docker' },
    })
    expect(patchFor(vm, 'innerLayer.product', 'kvm')).toEqual({
      innerLayer: { kind: 'hvm', product: 'kvm' },
    })
    const withLayer = { ...vm, innerLayer: { kind: 'os', product: 'docker' } }
    expect(patchFor(withLayer, 'innerLayer.kind', 'hvm')).toEqual({
      innerLayer: { kind: 'hvm', product: 'kvm' },
    })
    expect(patchFor(withLayer, 'innerLayer.kind', undefined)).toEqual({ innerLayer: null })
  })
})
