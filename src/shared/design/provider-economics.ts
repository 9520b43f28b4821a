/**
 * The provider's economics (issue 16), optional in a design: what the facility's
 * electricity costs and emits. A run's IT energy (the simulation's `energyKWh`) times the
 * PUE is the facility energy; times the price, its cost; times the carbon intensity, its
 * emissions. Tenants' revenue stays in each tenant's own currency.
 */
import { z } from 'zod'

export const providerEconomicsSchema = z.strictObject({
  /** Price of one kWh of facility electricity, in `currency`. */
  electricityPricePerKWh: z.number().nonnegative().max(1_000_000),
  /** ISO 4217 code (or any short tag) of `electricityPricePerKWh`. */
  currency: z.string().min(1).max(8).default('USD'),
  /** Power usage effectiveness: facility energy / IT energy (>= 1). */
  pue: z.number().min(1).max(10).default(1),
  /** Grid carbon intensity, grams CO2-equivalent per kWh; omitted = not reported. */
  carbonIntensityGCO2ePerKWh: z.number().nonnegative().max(10_000).optional(),
})

export type ProviderEconomics = z.infer<typeof providerEconomicsSchema>
