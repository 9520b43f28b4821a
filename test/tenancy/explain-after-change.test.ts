/**
 * A tenant's `scheduler:explain` of its own instance is answered from the provider's published
 * placement, never withheld, and never places (review s7a #1): before a placement, or after an
 * edit since the last one, it is `unavailable`; once the provider places, it is answered with
 * that placement. A tenant's report, built on a placement of its own, is answered whatever was
 * placed before. (The fuzz once found 30 `internal` answers: the scheduler explained with a
 * fresh placement while the tenancy guard judged "own hosts" by the old one.) The expected
 * hosts come from the answer's placement (`scheduler:last` as the provider reads it).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Explanation, PlacementResult } from '../../src/shared/contract'
import { startServices, type Services } from '../../src/main/services'

const globex = { role: 'tenant', tenantId: 't-globex' } as const // showHostNames: true
const provider = { role: 'provider' } as const
let services: Services | undefined

function start(): Services {
  services = startServices({
    version: 'test',
    paths: {
      dataDir: mkdtempSync(join(tmpdir(), 'strata-explain-')),
      samplesDir: 'resources/samples',
    },
    shell: { kind: 'web' },
  })
  return services
}
afterEach(async () => {
  await services?.dispose()
  services = undefined
})

/** Globex's own instances' hosts in the provider's current placement. */
async function globexHosts(s: Services): Promise<Set<string>> {
  const last = await s.dispatch(provider, 'scheduler:last', {})
  const result = (last.ok ? last.value : null) as PlacementResult | null
  expect(result).not.toBeNull()
  return new Set(
    result!.placed.filter((p) => p.instanceId.startsWith('w-globex-')).map((p) => p.hostId),
  )
}

async function explainOwn(s: Services): Promise<Explanation> {
  const answer = await s.dispatch(globex, 'scheduler:explain', { instanceId: 'w-globex-hpc#1' })
  expect(answer.ok ? 'ok' : answer.error.message).toBe('ok')
  return (answer as { value: Explanation }).value
}

describe("a tenant's explanation of the provider's placement", () => {
  it('is unavailable before the provider places, then answered', async () => {
    const s = start()
    const early = await s.dispatch(globex, 'scheduler:explain', { instanceId: 'w-globex-hpc#1' })
    expect(early.ok ? 'ok' : early.error.code).toBe('unavailable')
    expect(await s.dispatch(provider, 'scheduler:last', {})).toEqual({ ok: true, value: null })
    expect((await s.dispatch(provider, 'scheduler:place', {})).ok).toBe(true)
    const e = await explainOwn(s)
    expect(e.placed).toBe(true)
    expect([...(await globexHosts(s))]).toContain(e.hostId)
  })

  it('is answered after the design changed under an earlier placement', async () => {
    const s = start()
    expect((await s.dispatch(provider, 'scheduler:place', {})).ok).toBe(true)
    const before = await explainOwn(s)
    // The host it runs on is removed: the provider places afresh, elsewhere.
    const edited = await s.dispatch(provider, 'design:apply', {
      command: { type: 'remove', ids: [before.hostId] },
    })
    expect(edited.ok ? 'ok' : edited.error.message).toBe('ok')
    const stale = await s.dispatch(globex, 'scheduler:explain', { instanceId: 'w-globex-hpc#1' })
    expect(stale.ok ? 'ok' : stale.error.code).toBe('unavailable')
    expect((await s.dispatch(provider, 'scheduler:place', {})).ok).toBe(true)
    const e = await explainOwn(s)
    expect(e.hostId).not.toBe(before.hostId)
    expect([...(await globexHosts(s))]).toContain(e.hostId)
    // The tenant's view agrees with the explanation about where the instance runs.
    const view = await s.dispatch(globex, 'tenancy:view', {})
    expect(JSON.stringify(view)).toContain(`"${e.hostId}"`)
  })

  it("a tenant's report, built on a placement of its own, is answered whatever was placed before", async () => {
    for (const before of [{ preset: 'pack' }, { seed: 99 }, undefined]) {
      const s = start()
      if (before) expect((await s.dispatch(provider, 'scheduler:place', before)).ok).toBe(true)
      const report = await s.dispatch(globex, 'reports:export', { format: 'html' })
      expect(report.ok ? 'ok' : report.error.message, JSON.stringify(before)).toBe('ok')
      await s.dispose()
    }
  })
})
