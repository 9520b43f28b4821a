/**
 * What an experiment keeps of one run: the simulation's summary, each tenant's availability,
 * bill and SLA verdict, and the provider's energy cost and carbon (from the design's
 * optional `provider` economics). Small enough to store per run and to send over a queue.
 */
import type { SimulationResult, SimulationSummary } from '../../../shared/domain/simulation-result'
import type { Design } from '../../../shared/design/schema'
import type { FactorValue } from '../../../shared/experiment/spec'

export interface RunTenant {
  tenantId: string
  availabilityPercent: number
  slaAvailabilityPercent: number
  slaViolation: boolean
  /** The tenant's bill total, in `currency`. */
  bill: number
  currency: string
}

/** Energy cost and carbon of a run; `null` figures when the design has no provider economics. */
export interface RunEconomics {
  /** IT energy x PUE, kWh. */
  facilityEnergyKWh: number
  pue: number
  /** facilityEnergyKWh x electricity price, in `currency`; null without a price. */
  energyCost: number | null
  currency: string | null
  /** facilityEnergyKWh x carbon intensity / 1000, kilograms CO2e; null without an intensity. */
  carbonKgCO2e: number | null
  /** Sum of the tenants' bills per currency (never summed across currencies). */
  revenueByCurrency: Record<string, number>
}

/** One finished run of an experiment. */
export interface RunRecord {
  /** Stable hash of the resolved design and settings (hex sha256). */
  id: string
  /** Position in the plan. */
  index: number
  designName: string
  factors: Record<string, FactorValue>
  repetition: number
  seed: number
  summary: SimulationSummary
  tenants: RunTenant[]
  economics: RunEconomics
}

/** The economics of `energyKWh` of IT energy under `design.provider`, and tenants' revenue. */
export function runEconomics(
  design: Design,
  energyKWh: number,
  tenants: readonly RunTenant[],
): RunEconomics {
  const p = design.provider
  const pue = p?.pue ?? 1
  const facilityEnergyKWh = energyKWh * pue
  const revenueByCurrency: Record<string, number> = {}
  for (const t of tenants)
    revenueByCurrency[t.currency] = (revenueByCurrency[t.currency] ?? 0) + t.bill
  return {
    facilityEnergyKWh,
    pue,
    energyCost: p ? facilityEnergyKWh * p.electricityPricePerKWh : null,
    currency: p ? p.currency : null,
    carbonKgCO2e:
      p?.carbonIntensityGCO2ePerKWh !== undefined
        ? (facilityEnergyKWh * p.carbonIntensityGCO2ePerKWh) / 1000
        : null,
    revenueByCurrency,
  }
}

/** Builds the record of a run from its design and simulation result. */
export function runRecord(
  run: {
    id: string
    index: number
    designName: string
    factors: Record<string, FactorValue>
    repetition: number
    seed: number
  },
  design: Design,
  result: SimulationResult,
): RunRecord {
  const tenants: RunTenant[] = result.tenants.map((t) => ({
    tenantId: t.tenantId,
    availabilityPercent: t.availabilityPercent,
    slaAvailabilityPercent: t.slaAvailabilityPercent,
    slaViolation: t.slaViolation,
    bill: t.bill.total,
    currency: t.bill.currency,
  }))
  return {
    id: run.id,
    index: run.index,
    designName: run.designName,
    factors: run.factors,
    repetition: run.repetition,
    seed: run.seed,
    summary: result.summary,
    tenants,
    economics: runEconomics(design, result.summary.energyKWh, tenants),
  }
}
