import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src/main/cli/main'
import { loadExperiment } from '../../src/main/services/experiments/load-experiment'
import { FIXTURES, tempDir } from './helpers'

function specFile(body: unknown, raw?: string): string {
  const dir = tempDir('spec')
  const file = join(dir, 'x.strata-experiment.json')
  writeFileSync(file, raw ?? JSON.stringify(body, null, 2))
  return file
}

const design = join(FIXTURES, 'two-hall.strata.json')

describe('experiment spec validation', () => {
  it('names a JSON syntax error by line and column', async () => {
    const loaded = await loadExperiment(
      specFile(null, '{\n  "schemaVersion": 1,\n  "name": }'),
      '/',
    )
    expect(loaded.ok).toBe(false)
    if (!loaded.ok) expect(loaded.message).toContain('line 3, column')
  })

  it('refuses a file that is not JSON without echoing any of it (review s5 #11)', async () => {
    const secret = 'GREETING=hunter2\nPATH=/bin\n'
    const file = specFile(null, `\n  ${secret}`)
    const loaded = await loadExperiment(file, '/')
    expect(loaded.ok).toBe(false)
    if (loaded.ok) return
    // the first character is on line 2, column 3
    expect(loaded.message).toBe(`${file} is not a JSON experiment spec (line 2, column 3)`)
    const said = JSON.stringify(loaded)
    for (const part of ['"G"', 'GREETING', 'hunter2', 'PATH']) expect(said).not.toContain(part)
    // the same for a design file the spec names, and for /proc/self/environ itself
    const dir = tempDir('spec')
    writeFileSync(join(dir, 'env.strata.json'), secret)
    const viaDesign = await loadExperiment(
      specFile(
        null,
        JSON.stringify({ schemaVersion: 1, name: 'x', design: join(dir, 'env.strata.json') }),
      ),
      '/',
    )
    expect(viaDesign.ok).toBe(false)
    for (const part of ['"G"', 'GREETING', 'hunter2'])
      expect(JSON.stringify(viaDesign)).not.toContain(part)
    if (process.platform === 'linux') {
      const environ = await loadExperiment('/proc/self/environ', '/')
      expect(environ.ok).toBe(false)
      if (!environ.ok)
        expect(environ.message).toBe(
          '/proc/self/environ is not a JSON experiment spec (line 1, column 1)',
        )
    }
  })

  it('reports every shape problem with its path at once', async () => {
    const loaded = await loadExperiment(
      specFile({
        schemaVersion: 2,
        name: '',
        vary: { 'simulation.policy': [] },
        repeat: 0,
        extra: 1,
      }),
      '/',
    )
    expect(loaded.ok).toBe(false)
    if (loaded.ok) return
    const paths = loaded.problems.map((p) => p.path).sort()
    // a key with a dot is named in brackets: one path, one place (review s11 #5)
    expect(paths).toEqual(['', 'name', 'repeat', 'schemaVersion', 'vary["simulation.policy"]'])
    expect(loaded.problems.find((p) => p.path === '')?.message).toContain('"extra"')
  })

  it('asks for exactly one of design / designs, and not both vary and combinations', async () => {
    const loaded = await loadExperiment(
      specFile({ schemaVersion: 1, name: 'x', vary: {}, combinations: [{}] }),
      '/',
    )
    expect(loaded.ok).toBe(false)
    if (!loaded.ok)
      expect(loaded.problems.map((p) => [p.path, p.message])).toEqual([
        ['design', 'give either "design" or "designs" (exactly one)'],
        ['combinations', 'give either "vary" or "combinations", not both'],
      ])
  })

  it('locates a missing design file and an invalid embedded design', async () => {
    const missing = await loadExperiment(
      specFile({ schemaVersion: 1, name: 'x', design: 'nope.strata.json' }),
      '/',
    )
    expect(missing.ok).toBe(false)
    if (!missing.ok) {
      expect(missing.problems[0]?.path).toBe('design')
      expect(missing.problems[0]?.message).toContain('nope.strata.json')
    }
    const embedded = await loadExperiment(
      specFile({
        schemaVersion: 1,
        name: 'x',
        designs: { a: design, b: { schemaVersion: 1, meta: { name: 'b' }, hosts: [{ id: 'h' }] } },
      }),
      '/',
    )
    expect(embedded.ok).toBe(false)
    if (!embedded.ok)
      expect(embedded.problems.every((p) => p.path.startsWith('designs.b.hosts[0]'))).toBe(true)
  })

  it('the CLI prints each problem with the file and its path, exit code 1; usage errors exit 2', async () => {
    const file = specFile({
      schemaVersion: 1,
      name: 'x',
      design,
      vary: { 'racks[*].cpuAllocationRatio': [2, 0] },
    })
    const err: string[] = []
    const io = { out: () => {}, err: (l: string) => err.push(l), cwd: '/' }
    expect(await runCli(['experiment', 'run', file], io)).toBe(1)
    expect(err.join('\n')).toContain(
      `error at vary["racks[*].cpuAllocationRatio"][1]: value 0: racks[0].cpuAllocationRatio:`,
    )
    err.length = 0
    expect(await runCli(['experiment', 'run', file, '--wrokers', '2'], io)).toBe(2)
    expect(err[0]).toContain("Unknown option '--wrokers'")
    expect(await runCli(['experiment', 'run', file, '--workers', '0'], io)).toBe(2)
    expect(await runCli(['experiment', 'walk', file], io)).toBe(2)
  })
})
