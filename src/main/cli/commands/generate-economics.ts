/**
 * Power for the fabric and storage, and prices for the tenants, of a `strata generate` design
 * (review s6u #7: generated switches and SANs drew nothing and every bill was 0, so the
 * traffic and storage the extras add changed no energy or cost figure). The values are the
 * built-in sample's (`resources/samples/two-hall.strata.json`), so a generated design bills
 * and draws like the design a user first opens:
 *
 * - switches: P = idleW + loadW × u (u the mean utilization of its links): core 400 + 40 W,
 *   aggregation 250 + 25 W, access (ToR) 150 + 15 W (the sample's core-1, agg-1, tor-1);
 * - SANs: 150 W idle, 230 W at full load (the sample's all-flash san-1);
 * - every tenant: the sample's Acme Retail list prices, billed on allocated capacity:
 *   0.021 USD per vCPU-hour, 0.0028 USD per GiB-hour of memory, 0.08 USD per GiB-month of
 *   storage, 0.065 USD per provisioned-IOPS-month, 0.02 USD per GB sent.
 *
 * `--no-power` and `--no-prices` leave them out (switches and SANs then draw nothing, and the
 * rates are 0), as generated designs were before.
 */
import type { Design } from '../../../shared/design/schema'

/** Switch power by tier, W: idle, and added at full utilization of its links. */
export const GENERATED_SWITCH_POWER_W = {
  core: { idleW: 400, loadW: 40 },
  aggregation: { idleW: 250, loadW: 25 },
  access: { idleW: 150, loadW: 15 },
} as const

/** SAN power, W: idle and at full load. */
export const GENERATED_SAN_POWER_W = { idlePowerW: 150, loadPowerW: 230 } as const

/** Every tenant's prices (USD, on allocated capacity). */
export const GENERATED_PRICING = {
  basis: 'allocated',
  currency: 'USD',
  vcpuHour: 0.021,
  memoryGiBHour: 0.0028,
  storageGiBMonth: 0.08,
  provisionedIopsMonth: 0.065,
  transferGB: 0.02,
} as const

/** Which of the sample's economics a generated design gets. */
export interface GenerateEconomics {
  power: boolean
  prices: boolean
}

/** Gives `design` (in place) the sample's switch and SAN power and tenant prices, as chosen. */
export function addGenerateEconomics(design: Design, o: GenerateEconomics): void {
  if (o.power) {
    for (const s of design.switches) {
      const tier = s.tier as keyof typeof GENERATED_SWITCH_POWER_W
      const power = GENERATED_SWITCH_POWER_W[tier]
      if (power) s.power = { ...power }
    }
    for (const s of design.storage) if (s.kind === 'san') Object.assign(s, GENERATED_SAN_POWER_W)
  }
  if (o.prices) for (const t of design.tenants) t.pricing = { ...GENERATED_PRICING }
}
