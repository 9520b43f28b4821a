/**
 * The colour of one of the tenant's networks in its view: a fixed palette in the order of its
 * networks (the projection sorts them by id), so the topology's chips and the virtual network's
 * nodes agree.
 */
import type { TenantNetwork } from '../../../../shared/contract'

export const NETWORK_PALETTE = ['#2f6fdf', '#2e9d5b', '#c2571a', '#8a4fd6', '#c2185b', '#00838f']

/** The network's colour; the border colour for an instance on no network. */
export function networkColour(
  networks: ReadonlyArray<Pick<TenantNetwork, 'id'>>,
  networkId: string | undefined,
): string {
  if (networkId === undefined) return 'var(--border)'
  const i = Math.max(
    0,
    networks.findIndex((n) => n.id === networkId),
  )
  return NETWORK_PALETTE[i % NETWORK_PALETTE.length] ?? '#888'
}
