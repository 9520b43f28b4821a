import { describe, expect, it } from 'vitest'
import type { Host, Workload } from '../../../shared/design/schema'
import { acceptsGuest, GUEST_REASONS } from './accepts'

type HostPart = Pick<Host, 'cpuExtensions' | 'virtualization'>
type Guest = Pick<Workload, 'kind' | 'guestOs' | 'paravirtAware'>

const host = (kind: Host['virtualization']['kind'], extra: Partial<HostPart> = {}): HostPart => ({
  cpuExtensions: 'vt-x',
  virtualization: {
    kind,
    product: { native: 'bare-metal', hvm: 'kvm', bt: 'qemu-tcg', pv: 'xen-pv', os: 'lxc' }[
      kind
    ] as Host['virtualization']['product'],
    hostOs: 'linux',
  },
  ...extra,
})
const vm = (extra: Partial<Guest> = {}): Guest => ({
  kind: 'vm',
  guestOs: 'linux',
  paravirtAware: false,
  ...extra,
})
const container = (guestOs: Guest['guestOs']): Guest => ({
  kind: 'container',
  guestOs,
  paravirtAware: false,
})

describe('acceptsGuest', () => {
  it('refuses a Windows container on a Linux container host, saying why', () => {
    expect(acceptsGuest(host('os'), container('windows'))).toEqual({
      ok: false,
      reason: 'linux container host (guest needs windows)',
    })
    expect(acceptsGuest(host('os'), container('linux'))).toEqual({ ok: true })
  })

  it('refuses a non-paravirtualized guest on a Xen PV host, saying why', () => {
    expect(acceptsGuest(host('pv'), vm())).toEqual({
      ok: false,
      reason: GUEST_REASONS.notParavirtAware,
    })
    expect(acceptsGuest(host('pv'), vm({ paravirtAware: true }))).toEqual({ ok: true })
  })

  it('refuses any guest on a hardware-assisted host without VT-x/AMD-V, saying why', () => {
    const noExt = host('hvm', { cpuExtensions: 'none' })
    for (const guest of [vm(), vm({ guestOs: 'windows' }), vm({ paravirtAware: true })])
      expect(acceptsGuest(noExt, guest)).toEqual({
        ok: false,
        reason: GUEST_REASONS.noHardwareAssist,
      })
    expect(
      acceptsGuest(host('hvm', { cpuExtensions: 'amd-v' }), vm({ guestOs: 'windows' })),
    ).toEqual({ ok: true })
  })

  it('lets binary translation run any VM, even without CPU extensions', () => {
    const tcg = host('bt', { cpuExtensions: 'none' })
    for (const guestOs of ['linux', 'windows', 'freebsd', 'solaris'] as const)
      expect(acceptsGuest(tcg, vm({ guestOs }))).toEqual({ ok: true })
  })

  it('keeps VMs off container hosts and containers off hypervisors and bare metal', () => {
    expect(acceptsGuest(host('os'), vm())).toEqual({
      ok: false,
      reason: GUEST_REASONS.vmOnContainerHost,
    })
    for (const kind of ['hvm', 'bt', 'pv'] as const)
      expect(acceptsGuest(host(kind), container('linux'))).toEqual({
        ok: false,
        reason: GUEST_REASONS.containerOnHypervisor,
      })
    expect(acceptsGuest(host('native'), container('linux'))).toEqual({
      ok: false,
      reason: GUEST_REASONS.containerOnNative,
    })
    expect(acceptsGuest(host('native'), vm({ guestOs: 'windows' }))).toEqual({ ok: true })
  })
})
