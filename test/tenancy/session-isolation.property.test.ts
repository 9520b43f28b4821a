/**
 * Property over random designs (≥ 1,000 in CI): everything a tenant-bound session receives,
 * call results through the real dispatcher and events through a real EventHub subscription,
 * holds no id, name or figure of another tenant and nothing provider-only; every provider
 * call is refused with `forbidden`.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CALLS, type CallName, type SessionInfo, type TenantView } from '../../src/shared/contract'
import { requestSchemas } from '../../src/shared/contract/schemas'
import type { Design } from '../../src/shared/design/schema'
import { startServices, type Services } from '../../src/main/services'
import { arbitraryDesign } from '../../src/main/engine/testing/arbitrary-design'
import { findForeign, foreignStrings } from '../../src/main/engine/testing/foreign-strings'
import { placeAndRun } from './place-and-run'

const RUNS = Number(process.env.STRATA_TENANCY_RUNS ?? 1000)
const paths = {
  dataDir: mkdtempSync(join(tmpdir(), 'strata-iso-')),
  samplesDir: 'resources/samples',
}
const names = Object.keys(CALLS) as CallName[]
const anyCalls = names.filter((n) => CALLS[n] === 'any')

/** The request fields a call's schema knows (other probes would only be bad requests). */
function fieldsOf(name: CallName): Set<string> {
  const schema = requestSchemas[name] as { shape?: Record<string, unknown> }
  return new Set(Object.keys(schema.shape ?? {}))
}
const fields = new Map(anyCalls.map((n) => [n, fieldsOf(n)]))
const providerCalls = names.filter((n) => CALLS[n] === 'provider')

interface Probe {
  request: Record<string, string>
  /** The foreign id asked about, if any (the tenant typed it: echoing it back leaks nothing). */
  asked?: string
}

/** Requests a curious tenant might send: its own and everyone else's ids. */
function probes(design: Design, tenantId: string): Probe[] {
  const out: Probe[] = [{ request: {} }]
  const ask = (key: string, value: string, own: boolean): void => {
    out.push(own ? { request: { [key]: value } } : { request: { [key]: value }, asked: value })
  }
  for (const t of design.tenants) ask('tenantId', t.id, t.id === tenantId)
  for (const w of design.workloads.slice(0, 4))
    ask('instanceId', `${w.id}#0`, w.tenantId === tenantId)
  for (const h of design.hosts.slice(0, 2)) ask('hostId', h.id, false)
  ask('runId', 'run-0', false)
  return out
}

const GHOST = 'ghost-id-that-does-not-exist'

/**
 * Asks about a foreign id and about an id that exists nowhere: the answers must be the same
 * (nothing confirms the foreign one exists). Returns the answer with the asked id masked.
 */
async function askForeign(
  services: Services,
  session: SessionInfo,
  name: CallName,
  probe: Probe & { asked: string },
): Promise<string> {
  const ghostRequest = JSON.parse(
    JSON.stringify(probe.request).split(probe.asked).join(GHOST),
  ) as unknown
  const real = JSON.stringify(await services.dispatch(session, name, probe.request))
  const ghost = JSON.stringify(await services.dispatch(session, name, ghostRequest))
  const masked = real.split(probe.asked).join('<asked>')
  expect(masked, `${name} ${JSON.stringify(probe.request)}`).toBe(
    ghost.split(GHOST).join('<asked>'),
  )
  return masked
}

describe('tenant-bound sessions over random designs', () => {
  it(`receive nothing foreign or provider-only (${RUNS} designs)`, async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDesign(), fc.nat(), async (design, seed) => {
        const services = startServices({
          version: 'test',
          paths,
          shell: { kind: 'web' },
          document: design,
        })
        try {
          const received = new Map<string, unknown[]>()
          for (const t of design.tenants) {
            const bucket: unknown[] = []
            received.set(t.id, bucket)
            services.ctx.hub.subscribe({ role: 'tenant', tenantId: t.id }, (event, payload) =>
              bucket.push({ event, payload }),
            )
          }
          const { ownHosts } = await placeAndRun(services, design, seed)
          const current = services.ctx.design.design
          for (const t of design.tenants) {
            const session: SessionInfo = { role: 'tenant', tenantId: t.id }
            const bucket = received.get(t.id) ?? []
            for (const name of anyCalls)
              for (const probe of probes(current, t.id)) {
                const keys = Object.keys(probe.request)
                if (keys.some((k) => !fields.get(name)?.has(k))) continue
                const { asked } = probe
                bucket.push(
                  asked === undefined
                    ? await services.dispatch(session, name, probe.request)
                    : await askForeign(services, session, name, { ...probe, asked }),
                )
              }
            for (const name of providerCalls) {
              const result = await services.dispatch(session, name, {})
              expect(result.ok ? 'ok' : result.error.code, name).toBe('forbidden')
              bucket.push(result)
            }
            const own = await services.dispatch(session, 'tenancy:view', {})
            expect(own.ok).toBe(true)
            // The run reached the view: its state and the tenant's own simulated bill.
            const ownView = own.ok ? (own.value as TenantView) : undefined
            expect(ownView?.run?.status).toBe('done')
            expect(ownView?.bill.source).toBe('simulation')
            const pushed = bucket.filter(
              (b) => (b as { event?: string }).event === 'tenancy:changed',
            )
            expect(pushed.length, 'live tenancy:changed pushes').toBeGreaterThan(0)
            const json = JSON.stringify(bucket)
            const leaks = findForeign(json, foreignStrings(current, t.id, ownHosts(t.id)))
            expect(leaks, `${t.id} received ${leaks.join(', ')}`).toEqual([])
          }
        } finally {
          await services.dispose()
        }
      }),
      { numRuns: RUNS, seed: 6 },
    )
  })
})
