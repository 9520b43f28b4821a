/** Field readers for the OpenDC topology import: quantities, counts, power models, with paths. */
import type { Problem } from '../../../../shared/domain/problem'
import {
  interpolationErrorW,
  OPENDC_MODEL_TYPES,
  sampleCurve,
  type OpenDcPowerModel,
} from './opendc-power'
import { dataSizeMiB, isBareNumber, powerW, type Quantity } from './opendc-units'

export type Obj = Record<string, unknown>
export const isObj = (v: unknown): v is Obj =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * A bare memory size at or above this many MiB (64 TiB, beyond any server built) is read as
 * bytes: OpenDC before its unit classes wrote `memorySize` in bytes (e.g. 140457600000), while
 * OpenDC today reads a bare number as MiB.
 */
export const BARE_BYTES_FROM_MIB = 2 ** 26

/** OpenDC's default CPU power model when a host gives none (`PowerModelSpec.DFLT`). */
const DEFAULT_MODEL: OpenDcPowerModel = { type: 'linear', idleW: 200, maxW: 400 }

/** What an import did with a field it cannot carry over exactly. */
type LossOutcome = 'dropped' | 'approximated'

/** Collects problems (refusals) and warnings (losses) while reading one topology. */
export class Reader {
  readonly problems: Problem[] = []
  readonly warnings: Problem[] = []
  private readonly dropped = new Map<
    string,
    { first: string; n: number; why: string; outcome: LossOutcome }
  >()

  /** A quantity from one of the unit readers; a refusal names `path` when it cannot be read. */
  quantity(q: (v: unknown) => Quantity, v: unknown, path: string): number | undefined {
    const r = q(v)
    if (r.ok && r.value >= 0) return r.value
    this.problems.push({
      severity: 'error',
      path,
      message: r.ok ? `must not be negative, got ${JSON.stringify(v)}` : r.reason,
    })
    return undefined
  }

  /** Memory in MiB: OpenDC's units, and the bare-bytes rule of older topologies (warned). */
  memoryMiB(v: unknown, path: string): number | undefined {
    const mib = this.quantity(dataSizeMiB, v, path)
    if (mib === undefined || !isBareNumber(v) || mib < BARE_BYTES_FROM_MIB) return mib
    this.warnings.push({
      severity: 'warning',
      path,
      message: `${JSON.stringify(v)} as MiB (OpenDC's reading of a bare number) would be ${Math.round(mib / 2 ** 20)} TiB; read as bytes, as older OpenDC topologies wrote it: ${+(mib / 2 ** 20).toFixed(3)} MiB. Write the unit ("… MiB") to be exact`,
    })
    return mib / 2 ** 20
  }

  /** A whole number from `min` to 100000; OpenDC's default 1 when absent. */
  count(v: unknown, path: string, min = 0): number {
    if (v === undefined) return 1
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= 100_000) return v
    this.problems.push({
      severity: 'error',
      path,
      message: `must be a whole number from ${min} to 100000, got ${JSON.stringify(v)}`,
    })
    return 0
  }

  /**
   * Notes a field Strata cannot represent (`dropped`: not in the design) or represents only
   * approximately (`approximated`: kept in Strata's form, e.g. a power model as its 11-point
   * curve); one warning per field name, with a count.
   */
  drop(field: string, path: string, why: string, outcome: LossOutcome = 'dropped'): void {
    const seen = this.dropped.get(field)
    if (seen) seen.n++
    else this.dropped.set(field, { first: path, n: 1, why, outcome })
  }

  /** The dropped- and approximated-field warnings, after the whole topology is read. */
  flushDropped(): void {
    for (const [field, { first, n, why, outcome }] of this.dropped) {
      const where = n > 1 ? `(${n} places, first here) ` : ''
      this.warnings.push({
        severity: 'warning',
        path: first,
        message:
          outcome === 'dropped'
            ? `"${field}" ${where}is not represented in Strata: ${why}; dropped`
            : `"${field}" ${where}is approximated in Strata: ${why}`,
      })
    }
  }

  /** The host's CPU power model as an 11-point curve (OpenDC's default when absent). */
  powerCurve(host: Obj, path: string): number[] {
    const key = ['cpuPowerModel', 'powerModel'].find((k) => host[k] !== undefined)
    const legacy = Array.isArray(host.powerModels) ? (host.powerModels as unknown[])[0] : undefined
    const raw = key ? host[key] : legacy
    const at = key ? `${path}.${key}` : `${path}.powerModels[0]`
    if (raw === undefined) return sampleCurve(DEFAULT_MODEL)
    if (!isObj(raw)) {
      this.problems.push({
        severity: 'error',
        path: at,
        message: 'a power model must be an object',
      })
      return []
    }
    const typeKey = raw.modelType !== undefined ? 'modelType' : 'type'
    const type = String(raw[typeKey] ?? 'linear').toLowerCase()
    if (!(OPENDC_MODEL_TYPES as readonly string[]).includes(type)) {
      this.problems.push({
        severity: 'error',
        path: `${at}.${typeKey}`,
        message: `unknown power model "${String(raw[typeKey])}"; OpenDC defines ${OPENDC_MODEL_TYPES.join(', ')}`,
      })
      return []
    }
    const w = (k: string, dflt: number): number =>
      raw[k] === undefined ? dflt : (this.quantity(powerW, raw[k], `${at}.${k}`) ?? 0)
    const num = (k: string, dflt: number): number => {
      const v = raw[k] ?? dflt
      if (typeof v === 'number' && Number.isFinite(v)) return v
      this.problems.push({ severity: 'error', path: `${at}.${k}`, message: 'must be a number' })
      return dflt
    }
    const idleW = w('idlePower', 200)
    const maxW = w('maxPower', 400)
    if (type !== 'constant' && maxW < idleW)
      this.problems.push({
        severity: 'error',
        path: `${at}.maxPower`,
        message: `maxPower (${maxW} W) is below idlePower (${idleW} W); OpenDC refuses this too`,
      })
    let model: OpenDcPowerModel
    if (type === 'constant') model = { type, powerW: w('power', 400) }
    else if (type === 'mse')
      model = { type, idleW, maxW, calibrationFactor: num('calibrationFactor', 1) }
    else if (type === 'asymptotic') {
      const asymUtil = num('asymUtil', 0)
      const dvfs = raw.dvfs === undefined ? true : raw.dvfs === true
      if (!(asymUtil > 0))
        this.problems.push({
          severity: 'error',
          path: `${at}.asymUtil`,
          message: `the asymptotic model needs asymUtil > 0 (its formula divides by it), got ${asymUtil}`,
        })
      model = { type, idleW, maxW, asymUtil: asymUtil > 0 ? asymUtil : 1, dvfs }
    } else model = { type: type as 'linear', idleW, maxW }
    const gapW = interpolationErrorW(model)
    if (gapW > 0.5)
      this.drop(
        `${type} power model`,
        at,
        `kept as its watts at 0, 10, …, 100 % load, interpolated linearly between them (up to ${gapW.toFixed(1)} W off in between)`,
        'approximated',
      )
    return sampleCurve(model)
  }
}
