import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cutErrorLines } from '../../src/main/cli/main'
import { strata, strataIn } from '../support/strata-cli'

describe('strata validate / info', () => {
  it('accepts the sample', async () => {
    const r = await strata('validate', 'resources/samples/two-hall.strata.json')
    expect(r.code).toBe(0)
    expect(r.out).toContain('0 error(s)')
  })

  it('exits 1 naming the dangling link, the negative memory and the duplicate id', async () => {
    const r = await strata('validate', 'test/fixtures/three-problems.strata.json')
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/links\[0\]\.targetId: refers to "agg-9"/)
    expect(r.out).toMatch(/hosts\[1\]\.memoryMiB/)
    expect(r.out).toMatch(/hosts\[2\]\.id: duplicate id "kvm-1"/)
  })

  it('says what is wrong with a missing or non-JSON file, and with usage', async () => {
    expect((await strata('validate', 'no/such/file.json')).code).toBe(1)
    expect((await strata('validate', 'package-lock.json', 'extra')).code).toBe(2)
    expect((await strata('frobnicate')).code).toBe(2)
  })

  it('counts a design by kind', async () => {
    const r = await strata('info', 'resources/samples/two-hall.strata.json', '--json')
    expect(r.code).toBe(0)
    const info = JSON.parse(r.out) as { counts: Record<string, number> }
    expect(info.counts).toMatchObject({
      host: 13,
      rack: 3,
      tenant: 3,
      'switch.core': 1,
      'switch.aggregation': 2,
      'switch.access': 3,
      // 35 instances on hosts + Globex's 8 job containers in its HPC VMs (issue 18)
      instance: 43,
    })
  })
})

describe('strata validate / report of a design with an unknown policy (review s9a #3)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-badpolicy-'))
  const file = join(dir, 'badpolicy.strata.json')
  const sample = JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8')) as {
    simulation: Record<string, unknown>
  }
  sample.simulation = { ...sample.simulation, policy: 'nonsense' }
  writeFileSync(file, JSON.stringify(sample))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('validate names simulation.policy and exits 1', async () => {
    const r = await strataIn(dir, 'validate', file)
    expect(r.code).toBe(1)
    expect(r.out).toMatch(/error at simulation\.policy: unknown policy "nonsense": use npa, dvfs/)
    expect(r.out).toContain('1 error(s)')
  })

  it('report refuses it in plain words, not as an uncaught error', async () => {
    const r = await strataIn(dir, 'report', file, '--csv', join(dir, 'r.zip'))
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/simulation\.policy: unknown policy "nonsense"/)
    expect(r.err).not.toMatch(/Error:/)
    expect(existsSync(join(dir, 'r.zip'))).toBe(false)
  })
})

describe('what the CLI prints of a 3,000,000-character policy (review s9a #4)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'strata-longpolicy-'))
  const file = join(dir, 'longpol.strata.json')
  const sample = JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8')) as {
    simulation: Record<string, unknown>
  }
  sample.simulation = { ...sample.simulation, policy: 'P'.repeat(3_000_000) }
  writeFileSync(file, JSON.stringify(sample))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('is a refusal at simulation.policy of a few hundred bytes', async () => {
    const r = await strataIn(dir, 'simulate', file)
    expect(r.code).toBe(1)
    expect(r.err).toContain('simulation.policy')
    expect(r.out.length + r.err.length).toBeLessThan(5_000)
  })

  it('cuts every error line to 1,000 characters', () => {
    expect(cutErrorLines(`a\n${'b'.repeat(5000)}\nc`)).toBe(`a\n${'b'.repeat(1000)}…\nc`)
    expect(cutErrorLines('short')).toBe('short')
  })
})
