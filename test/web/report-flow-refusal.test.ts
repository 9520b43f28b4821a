/**
 * A report of a design whose traffic can make more flows than a run allows is refused before
 * placement, in the words `simulation:start` and `strata simulate` use (review s7a #4).
 * Before, the provider's export placed for 6 s and failed `internal`, a tenant's failed
 * "internal error" that said nothing, and `strata report` printed a stack trace. A tenant's
 * report is made without run figures (the refusal names workloads that may be another
 * tenant's). Real web host, real sockets, the real CLI; the expected words are the run's own
 * refusal, from `simulation:start` and `strata simulate`.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateDesign } from '../../src/main/cli/commands/generate'
import { strataIn } from '../support/strata-cli'
import { wsCall, wsConnect } from './helpers'
import { useProviderHost } from './provider-host'

const ctx = useProviderHost('strata-report-flows-')

/** 2,000 hosts with 12 east-west peers per workload: over the flow limit (generate-flow-bound). */
const over = () =>
  generateDesign({
    hosts: 2_000,
    racks: 50,
    tenants: 50,
    instances: 16_000,
    seed: 1,
    horizonH: 24,
    eastWestPeers: 12,
  })

describe('a report of a design over the flow limit', () => {
  it(
    'is refused before placement with simulation:start\u2019s words; a tenant gets a report without run figures',
    { timeout: 300_000 },
    async () => {
      const design = over()
      const path = join(ctx.dir, 'over.strata.json')
      writeFileSync(path, JSON.stringify(design))
      const { provider } = ctx
      const opened = await wsCall(provider, 'o', 'files:open', { path, discardChanges: true })
      expect(opened.ok).toBe(true)
      const run = await wsCall(provider, 's', 'simulation:start', {})
      expect(run.ok).toBe(false)
      expect(run.error?.message).toContain('refused before placement')

      const report = await wsCall(provider, 'r', 'reports:export', { format: 'csv' })
      expect(report.error).toEqual({ code: run.error?.code, message: run.error?.message })

      const tenantId = design.tenants[0]?.id ?? ''
      const minted = await wsCall(provider, 'm', 'tenancy:mint-token', { tenantId })
      const token = new URL((minted.value as { url: string }).url).searchParams.get('token') ?? ''
      const tenant = await wsConnect(
        `${ctx.host.origin.replace('http', 'ws')}/api?token=${encodeURIComponent(token)}`,
      )
      const own = await wsCall(tenant, 't', 'reports:export', { format: 'html' })
      tenant.close()
      expect(own.ok).toBe(true)
      const value = own.value as { notes: string[]; contents: string }
      expect(value.notes).toEqual([
        'The datacenter could not be placed or simulated at this time, so this report has no run figures.',
      ])
      // The refusal names a workload; the tenant's report does not quote it.
      const named = /workload "([^"]+)" makes the most/.exec(run.error?.message ?? '')?.[1] ?? ''
      const namedTenant = design.workloads.find((w) => w.id === named)?.tenantId
      if (namedTenant !== tenantId) expect(value.contents).not.toContain(named)
      expect((await ctx.host.stats()).internals).toEqual([])
    },
  )

  it(
    'strata report refuses it in strata simulate\u2019s words, without a stack trace',
    {
      timeout: 300_000,
    },
    async () => {
      const file = join(ctx.dir, 'over-cli.strata.json')
      writeFileSync(file, JSON.stringify(over()))
      const simulate = await strataIn(ctx.dir, 'simulate', file)
      expect(simulate.code).toBe(1)
      const report = await strataIn(ctx.dir, 'report', file, '--csv', join(ctx.dir, 'r.zip'))
      expect(report.code).toBe(1)
      const refusal = (err: string, command: string) =>
        err
          .split('\n')
          .find((line) => line.startsWith(`strata ${command}: ${file}: `))
          ?.slice(`strata ${command}: ${file}: `.length)
      expect(refusal(simulate.err, 'simulate')).toContain('refused before placement')
      expect(refusal(report.err, 'report')).toBe(refusal(simulate.err, 'simulate'))
      expect(report.err).not.toMatch(/^\s+at /m)
      expect(report.err).not.toContain('placement...')
    },
  )
})
