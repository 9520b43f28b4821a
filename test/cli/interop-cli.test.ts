/**
 * `strata import netbox|opendc` and `strata export netbox|opendc` on real files: success with
 * the right numbers, refusals (exit 1) naming the place, warnings printed; and every command
 * refusing unknown options the same way (Node's util.parseArgs, strict).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { strata } from '../support/strata-cli'
import { COMMANDS } from '../../src/main/cli/commands'

const FIX = join(__dirname, '../fixtures')

const tmp = () => mkdtempSync(join(tmpdir(), 'strata-interop-'))
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

describe('strata import opendc', () => {
  it("writes a design with OpenDC's units read right and prints what was dropped", async () => {
    const out = join(tmp(), 'units.strata.json')
    const r = await strata(
      'import',
      'opendc',
      join(FIX, 'cases/opendc/units-watts-ghz-gib.json'),
      '-o',
      out,
    )
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/wrote .*units\.strata\.json: 1 rack, 1 host/)
    expect(r.err).toMatch(/warning at clusters\[0\]\.powerSource/)
    const host = readJson(out).hosts[0]
    // 3.0 GHz = 3000 MHz = 3000 MIPS; 16 GiB = 16384 MiB; linear 80 -> 300 W.
    expect(host).toMatchObject({ coresPerSocket: 8, mipsPerCore: 3000, memoryMiB: 16384 })
    expect(host.powerCurveW[0]).toBe(80)
    expect(host.powerCurveW[10]).toBe(300)
    expect((await strata('validate', out)).code).toBe(0)
  })

  it('refuses a topology OpenDC would refuse, naming the JSON path; writes nothing', async () => {
    const dir = tmp()
    const bad = join(dir, 'bad.json')
    writeFileSync(
      bad,
      JSON.stringify({
        clusters: [
          { hosts: [{ cpu: { coreCount: 4, coreSpeed: '3 GB' }, memory: { size: '1 GiB' } }] },
        ],
      }),
    )
    const r = await strata('import', 'opendc', bad, '-o', join(dir, 'out.strata.json'))
    expect(r.code).toBe(1)
    expect(r.err).toMatch(
      /error at clusters\[0\]\.hosts\[0\]\.cpu\.coreSpeed: expected a frequency/,
    )
    const notJson = await strata(
      'import',
      'opendc',
      join(FIX, 'cases/netbox/console-server.csv'),
      '-o',
      join(dir, 'x.json'),
    )
    expect(notJson.code).toBe(1)
    expect(notJson.err).toMatch(/line 1, column 1/)
    expect(
      (await strata('import', 'opendc', join(dir, 'missing.json'), '-o', join(dir, 'y.json'))).code,
    ).toBe(1)
  })
})

describe('strata import opendc: importFrom, as OpenDC composes files', () => {
  it('takes a host from the file it names, with the count written alongside', async () => {
    const out = join(tmp(), 'composed.strata.json')
    const r = await strata('import', 'opendc', join(FIX, 'opendc/imports/topology.json'), '-o', out)
    expect(r.code).toBe(0)
    const hosts = readJson(out).hosts as Array<Record<string, unknown>>
    // big-host.json: 8 cores at 3.0 GHz, 16 GiB; topology.json: "count": 4.
    expect(hosts.map((h) => [h.name, h.coresPerSocket, h.mipsPerCore, h.memoryMiB])).toEqual(
      [1, 2, 3, 4].map((i) => [`big-host-${i}`, 8, 3000, 16384]),
    )
  })

  it('refuses a missing or self-importing file, naming it', async () => {
    const dir = tmp()
    writeFileSync(
      join(dir, 'loop.json'),
      JSON.stringify({ clusters: [{ hosts: [{ importFrom: 'loop.json' }] }] }),
    )
    const loop = await strata('import', 'opendc', join(dir, 'loop.json'), '-o', join(dir, 'o.json'))
    expect(loop.code).toBe(1)
    expect(loop.err).toContain('"loop.json" imports itself')
    writeFileSync(
      join(dir, 'gone.json'),
      JSON.stringify({ clusters: [{ hosts: [{ importFrom: 'hosts/none.json' }] }] }),
    )
    const gone = await strata('import', 'opendc', join(dir, 'gone.json'), '-o', join(dir, 'o.json'))
    expect(gone.code).toBe(1)
    expect(gone.err).toContain('"hosts/none.json" does not exist')
  })
})

describe('strata import netbox', () => {
  it('reads "Position (U)", skips the console server with a warning naming it', async () => {
    const dir = tmp()
    const r = await strata(
      'import',
      'netbox',
      join(FIX, 'files/netbox-table-export.csv'),
      '-o',
      join(dir, 'nb.strata.json'),
      '--name',
      'AMS',
    )
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/"ams-con-01" \(line 5\) has role "Console Server"/)
    expect(r.err).toMatch(/"ams-pdu-a"/)
    const d = readJson(join(dir, 'nb.strata.json'))
    expect(d.meta.name).toBe('AMS')
    expect(d.hosts.map((h: { name: string }) => h.name).sort()).toEqual(['ams-hv-01', 'ams-hv-02'])
    expect(d.storage).toHaveLength(1)
  })

  it('refuses a file that is not a device list (exit 1), and misuse (exit 2)', async () => {
    const dir = tmp()
    const r = await strata(
      'import',
      'netbox',
      join(FIX, 'opendc/battery.json'),
      '-o',
      join(dir, 'o.json'),
    )
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/error at header/)
    expect((await strata('import', 'netbox', join(FIX, 'files/netbox-devices.csv'))).code).toBe(2)
    const misplaced = await strata(
      'import',
      'netbox',
      join(FIX, 'files/netbox-devices.csv'),
      '-o',
      'x',
      '--order',
      'f',
    )
    expect(misplaced.code).toBe(2)
    expect(misplaced.err).toContain('--order applies to "import planetlab" only')
  })
})

describe('strata export', () => {
  it('opendc: memory written with its unit (export-memory case), warnings for what is lost', async () => {
    const out = join(tmp(), 'topology.json')
    const r = await strata(
      'export',
      'opendc',
      join(FIX, 'cases/opendc/export-memory.strata.json'),
      '-o',
      out,
    )
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/OpenDC hosts have no disk/)
    const host = readJson(out).clusters[0].hosts[0]
    expect(host.memory).toEqual({ memorySize: '262144 MiB' })
    const sdk = join(tmp(), 'sdk.json')
    expect(
      (
        await strata(
          'export',
          'opendc',
          join(FIX, 'cases/opendc/export-memory.strata.json'),
          '-o',
          sdk,
          '--schema',
          'sdk',
        )
      ).code,
    ).toBe(0)
    expect(readJson(sdk).clusters[0].hosts[0].memory).toEqual({ size: '262144 MiB' })
    expect(
      (await strata('export', 'opendc', 'x.strata.json', '-o', sdk, '--schema', 'yaml')).code,
    ).toBe(2)
  })

  it('netbox: a CSV NetBox import reads (bulk-import headers), a formula-like name warned, and back', async () => {
    const dir = tmp()
    const design = join(dir, 'formula.strata.json')
    expect(
      (await strata('import', 'netbox', join(FIX, 'cases/netbox/formula-name.csv'), '-o', design))
        .code,
    ).toBe(0)
    const csv = join(dir, 'devices.csv')
    const r = await strata('export', 'netbox', design, '-o', csv)
    expect(r.code).toBe(0)
    expect(r.err).toMatch(/hosts\[0\]\.name: "=1\+1" starts like a spreadsheet formula/)
    const rows = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    })
    expect(rows.meta.fields?.slice(0, 11)).toEqual([
      'name',
      'role',
      'manufacturer',
      'device_type',
      'site',
      'location',
      'rack',
      'position',
      'face',
      'status',
      'platform',
    ])
    expect(rows.data.map((row) => row.name)).toEqual(['=1+1', 'node-ü'])
    const back = join(dir, 'back.strata.json')
    expect((await strata('import', 'netbox', csv, '-o', back)).code).toBe(0)
    expect(readJson(back).hosts.map((h: { name: string }) => h.name)).toEqual(['=1+1', 'node-ü'])
  })

  it('refuses a broken design (exit 1) and a wrong format (exit 2)', async () => {
    const r = await strata(
      'export',
      'netbox',
      join(FIX, 'three-problems.strata.json'),
      '-o',
      join(tmp(), 'x.csv'),
    )
    expect(r.code).toBe(1)
    expect(
      (
        await strata(
          'export',
          'yaml',
          join(FIX, 'cases/opendc/export-memory.strata.json'),
          '-o',
          'x',
        )
      ).code,
    ).toBe(2)
  })
})

describe('every command parses its options with util.parseArgs (strict)', () => {
  const lead: Record<string, string[]> = { experiment: ['run', 'x'], generate: [] }
  it.each(COMMANDS.map((c) => c.name))(
    'strata %s --no-such-option exits 2 naming it',
    async (name) => {
      const r = await strata(name, ...(lead[name] ?? ['x']), '--no-such-option')
      expect(r.code).toBe(2)
      expect(r.err).toMatch(new RegExp(`strata ${name}.*: Unknown option '--no-such-option'`))
    },
  )

  it('a string option without its value is refused too', async () => {
    const r = await strata('simulate', 'x.strata.json', '--seed')
    expect(r.code).toBe(2)
    expect(r.err).toContain("Option '--seed <value>' argument missing")
  })
})
