import { describe, expect, it } from 'vitest'
import { CALLS, CALL_NAMES, EVENT_NAMES } from './index'
import { requestSchemaModules, requestSchemas } from './schemas'
import { createDomainHandlers, createHandlers } from '../../main/services/handlers'
import { createAppContext } from '../../main/services/context'

const ctx = createAppContext({
  version: 'test',
  paths: { dataDir: '/nonexistent/strata-test', samplesDir: 'resources/samples' },
  shell: { kind: 'web' },
})

describe('the contract', () => {
  it('names every call as domain:verb with a known access level', () => {
    for (const name of CALL_NAMES) {
      expect(name).toMatch(/^[a-z]+:[a-z][a-z-]*$/)
      expect(['provider', 'any']).toContain(CALLS[name])
    }
  })

  it('declares each call in exactly one domain, with exactly one request schema', () => {
    const seen = new Map<string, string>()
    for (const [domain, schemas] of Object.entries(requestSchemaModules)) {
      for (const name of Object.keys(schemas)) {
        expect(
          seen.get(name),
          `${name} declared in ${seen.get(name)} and ${domain}`,
        ).toBeUndefined()
        seen.set(name, domain)
      }
    }
    expect([...seen.keys()].sort()).toEqual([...CALL_NAMES].sort())
    expect(Object.keys(requestSchemas).sort()).toEqual([...CALL_NAMES].sort())
  })

  it('has exactly one handler for each call', () => {
    const owners = new Map<string, string[]>()
    for (const [domain, handlers] of Object.entries(createDomainHandlers(ctx))) {
      for (const name of Object.keys(handlers))
        owners.set(name, [...(owners.get(name) ?? []), domain])
    }
    for (const name of CALL_NAMES) expect(owners.get(name), name).toHaveLength(1)
    expect([...owners.keys()].sort()).toEqual([...CALL_NAMES].sort())
    const merged = createHandlers(ctx)
    for (const name of CALL_NAMES) expect(typeof merged[name]).toBe('function')
  })

  it('lists each event once', () => {
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length)
  })
})
