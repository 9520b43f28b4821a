/**
 * Consolidation policy names: `npa` (no power management), `dvfs` (power-aware, no
 * migrations) and `DETECTOR-SELECTOR-PARAM` such as `thr-mmt-0.8`, `iqr-mmt-1.5`,
 * `mad-mmt-2.5`, `lr-mmt-1.2`, `lrr-mmt-1.2`.
 */

export const DETECTORS = ['thr', 'iqr', 'mad', 'lr', 'lrr'] as const
export type Detector = (typeof DETECTORS)[number]
/** mmt = minimum migration time, mu = minimum utilization, rs = random (seeded). */
export const SELECTORS = ['mmt', 'mu', 'rs'] as const
export type Selector = (typeof SELECTORS)[number]

export type PolicySpec =
  | { kind: 'npa'; name: string }
  | { kind: 'dvfs'; name: string }
  | { kind: 'migration'; name: string; detector: Detector; selector: Selector; parameter: number }

import { quote } from '../model/quote'

export type PolicyParse = { ok: true; policy: PolicySpec } | { ok: false; message: string }

/**
 * Parses a policy name; the message says what is wrong and what is accepted, quoting the name
 * cut to 100 characters (review s9a #4: a 30 MB name came back whole in the refusal).
 */
export function parsePolicy(name: string): PolicyParse {
  const n = name.trim().toLowerCase()
  if (n === 'npa' || n === 'dvfs') return { ok: true, policy: { kind: n, name: n } }
  const parts = n.split('-')
  const accepted = `npa, dvfs or DETECTOR-SELECTOR-PARAM with DETECTOR in ${DETECTORS.join('|')} and SELECTOR in ${SELECTORS.join('|')} (e.g. thr-mmt-0.8)`
  if (parts.length !== 3)
    return { ok: false, message: `unknown policy ${quote(name)}: use ${accepted}` }
  const [detector, selector, param] = parts as [string, string, string]
  if (!(DETECTORS as readonly string[]).includes(detector))
    return {
      ok: false,
      message: `unknown over-load detector ${quote(detector)} in ${quote(name)}: use ${accepted}`,
    }
  if (!(SELECTORS as readonly string[]).includes(selector))
    return {
      ok: false,
      message: `unknown VM selector ${quote(selector)} in ${quote(name)}: use ${accepted}`,
    }
  const parameter = Number(param)
  if (param === '' || !Number.isFinite(parameter) || parameter < 0)
    return {
      ok: false,
      message: `policy parameter ${quote(param)} in ${quote(name)} must be a number >= 0`,
    }
  return {
    ok: true,
    policy: {
      kind: 'migration',
      name: n,
      detector: detector as Detector,
      selector: selector as Selector,
      parameter,
    },
  }
}

/**
 * The one way a policy is read, wherever it comes from (a design's `simulation.policy`, a
 * run's option, the CLI's `--policy`, an experiment factor): a name is parsed by
 * `parsePolicy`, an already parsed spec passes as it is.
 */
export function resolvePolicy(policy: string | PolicySpec): PolicyParse {
  return typeof policy === 'string' ? parsePolicy(policy) : { ok: true, policy }
}
