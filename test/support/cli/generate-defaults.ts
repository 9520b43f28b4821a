/** The options `strata generate --hosts N` stands for, for tests that build designs in-process. */
import type { GenerateOptions } from '../../../src/main/cli/commands/generate'

/**
 * What `--hosts hosts` alone gives (its `--help` defaults): a rack per 40 hosts, a tenant per 4
 * hosts up to 50, 8 instances per host, 24 h; seed 1 unless given.
 */
export const defaultSize = (hosts: number, seed = 1): GenerateOptions => ({
  hosts,
  racks: Math.ceil(hosts / 40),
  tenants: Math.min(50, Math.max(1, Math.ceil(hosts / 4))),
  instances: hosts * 8,
  seed,
  horizonH: 24,
})
