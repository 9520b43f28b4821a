/**
 * Whether the hosts of a `strata generate` design hold its instances, and what to give instead
 * when they do not (review s8a #7: 40 hosts were given 2,000 instances, the file was written
 * without a word and `strata place` then refused 1,188 of them).
 *
 * The generator's own room estimate (`syntheticFit`: each class of host filled to 80 %) says
 * first, at no cost, whether every instance fits; when it does, the real scheduler places them
 * all (the generator's property test). When it does not, the real scheduler places the design
 * once, so the count of refused instances is the one `strata place` prints, and the estimate
 * gives what would fit: `--instances` up to what the hosts hold, or about how many hosts of the
 * same mix hold them all (found again on the design those hosts would make, since more hosts
 * change the seeded draw of the workloads).
 */
import type { Design } from '../../../shared/design/schema'
import { counted, groupedNumber } from '../../../shared/domain/number-text'
import { createScheduler, minimumRacks, syntheticFit } from '../../engine'
import type { GenerateOptions } from './generate'

/** What a design's hosts hold of its instances, when they do not hold them all. */
export interface FitShortfall {
  /** Instances the design declares. */
  instances: number
  /** Instances the real scheduler refuses (as `strata place` counts them). */
  refused: number
  /** The most `--instances` whose every instance the generator fits on these hosts. */
  instancesFitting: number
  /** Hosts of the same mix that hold every instance; undefined above `maxHosts`. */
  hostsNeeded?: number
}

/** Rounds of the searches below before their count is given as it stands. */
const ROUNDS = 8

/**
 * The shortfall of `design` (made by `generate` from `o`), or undefined when every instance is
 * placed. `generate` remakes a design for another host count; `maxHosts` is the option's limit.
 */
export function fitShortfall(
  design: Design,
  o: GenerateOptions,
  generate: (o: GenerateOptions) => Design,
  maxHosts: number,
): FitShortfall | undefined {
  const fit = syntheticFit(design)
  if (fit.fitting >= fit.instances) return undefined
  const refused = createScheduler(design).placeAll().unplaced.length
  if (refused === 0) return undefined
  return {
    instances: fit.instances,
    refused,
    instancesFitting: instancesFor(o, fit.fitting, generate),
    ...hostsFor(o, fit.hostsNeeded, generate, maxHosts),
  }
}

/**
 * The most instances, from a first guess, whose own design fits on `o.hosts` (fewer instances
 * draw other workloads, which may fit less): each round takes what that design fits.
 */
function instancesFor(
  o: GenerateOptions,
  guess: number,
  generate: (o: GenerateOptions) => Design,
): number {
  let instances = guess
  for (let round = 0; round < ROUNDS && instances > 0; round++) {
    const fit = syntheticFit(generate({ ...o, instances }))
    if (fit.fitting >= fit.instances) return instances
    instances = Math.min(instances - 1, fit.fitting)
  }
  return instances
}

/** The hosts whose own design fits `o.instances`, from a first guess `hosts`. */
function hostsFor(
  o: GenerateOptions,
  guess: number,
  generate: (o: GenerateOptions) => Design,
  maxHosts: number,
): { hostsNeeded?: number } {
  let hosts = guess
  for (let round = 0; round < ROUNDS && hosts <= maxHosts; round++) {
    const fit = syntheticFit(generate({ ...o, hosts, racks: minimumRacks(hosts) }))
    if (fit.fitting >= fit.instances) return { hostsNeeded: hosts }
    hosts = Math.max(hosts + 1, fit.hostsNeeded)
  }
  return hosts <= maxHosts ? { hostsNeeded: hosts } : {}
}

/**
 * The warning: `2,000 instances need about 84 hosts of this mix; 1,188 will not be placed
 * (strata place refuses them): give --hosts ≥ 84, or --instances ≤ 963`, with `--racks` when
 * the racks given are too few for those hosts.
 */
export function shortfallWarning(s: FitShortfall, o: GenerateOptions, racksGiven: boolean): string {
  const need =
    s.hostsNeeded === undefined
      ? `${counted(s.instances, 'instance')} need more hosts than --hosts allows`
      : `${counted(s.instances, 'instance')} need about ${counted(s.hostsNeeded, 'host')} of this mix`
  const racks =
    s.hostsNeeded !== undefined && racksGiven && o.racks < minimumRacks(s.hostsNeeded)
      ? ` and --racks ≥ ${groupedNumber(minimumRacks(s.hostsNeeded))}`
      : ''
  const give = [
    ...(s.hostsNeeded === undefined ? [] : [`--hosts ≥ ${groupedNumber(s.hostsNeeded)}${racks}`]),
    ...(s.instancesFitting > 0 ? [`--instances ≤ ${groupedNumber(s.instancesFitting)}`] : []),
  ]
  return (
    `${need}; ${groupedNumber(s.refused)} will not be placed (strata place refuses them)` +
    (give.length > 0 ? `: give ${give.join(', or ')}` : '')
  )
}
