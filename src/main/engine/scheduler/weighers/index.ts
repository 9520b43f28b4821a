/**
 * Weighers and presets. A host's score is the sum of each weigher's 0..1 score times its
 * signed multiplier. Unlike Nova, scores are not min-max normalised across the candidates of
 * a request: absolute scores keep one host's score independent of the others, which lets the
 * scheduler keep candidates in an index and update only the hosts that change.
 */
import type { PlacementPreset } from '../../../../shared/design/enums'
import type { SchedulerWeigher, WeigherName, Weights } from '../types'
import { localityWeigher } from './locality'
import { packWeigher } from './pack'
import { powerWeigher } from './power'
import { spreadWeigher } from './spread'

export const WEIGHERS: Readonly<Record<WeigherName, SchedulerWeigher>> = {
  spread: spreadWeigher,
  pack: packWeigher,
  power: powerWeigher,
  locality: localityWeigher,
}

export const WEIGHER_NAMES = Object.keys(WEIGHERS) as WeigherName[]

/**
 * Presets: `spread` balances load (least allocated); `pack` fills hosts first (most
 * allocated); `power` adds the fewest watts, with a little packing to break ties towards
 * hosts already on.
 */
export const PRESET_WEIGHTS: Readonly<Record<PlacementPreset, Weights>> = {
  spread: { spread: 1 },
  pack: { pack: 1 },
  power: { power: 1, pack: 0.1 },
}

/** Checks weigher names; throws a clear error naming `where` for an unknown one. */
export function checkWeights(weights: Record<string, number>, where: string): Weights {
  const out: Weights = {}
  for (const [name, value] of Object.entries(weights)) {
    if (!(name in WEIGHERS))
      throw new Error(`unknown weigher "${name}" in ${where} (known: ${WEIGHER_NAMES.join(', ')})`)
    if (!Number.isFinite(value)) throw new Error(`weight of "${name}" in ${where} must be a number`)
    if (value !== 0) out[name as WeigherName] = value
  }
  return out
}

export { addedWatts, powerAt } from './power'
export { freeFractionAfter } from './spread'
