// @vitest-environment happy-dom
/**
 * The Simulation tab's network and storage section says what `strata simulate` prints for the
 * same run (review s5 #9): the real CLI simulates the sample and writes its result; the section
 * drawn from that result shows every network and storage fact of the CLI's text, label and
 * value alike, and splits the energy into the CLI's hosts, storage and switches lines, whose
 * sum is the run's total. Traffic delivered is also summed here from the result's fields.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, describe, expect, it } from 'vitest'
import type { SimulationResult } from '../../../../shared/contract'
import type { Design } from '../../../../shared/design/schema'
import { parseDesign } from '../../../../main/engine/model/parse'
import { strata } from '../../../../../test/support/strata-cli'
import { useDesignStore } from '../../stores/design'
import SimulationNetworkStorage from './SimulationNetworkStorage.vue'

const SAMPLE = 'resources/samples/two-hall.strata.json'
const dir = mkdtempSync(join(tmpdir(), 'strata-sim-fabric-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The CLI's `Title:` block of `label value` lines (label and value split on 2+ spaces). */
function cliFacts(out: string, title: string): Array<[string, string]> {
  const lines = out.split('\n')
  const start = lines.findIndex((l) => l.trim() === `${title}:`)
  const facts: Array<[string, string]> = []
  for (const l of lines.slice(start + 1)) {
    if (!l.startsWith('    ')) break
    const m = /^\s*(\S.*?)\s{2,}(\S.*)$/.exec(l) ?? /^\s*(\S.*?) (\d.*)$/.exec(l)
    if (m) facts.push([m[1] as string, m[2] as string])
  }
  return facts
}

function shown(wrapper: ReturnType<typeof mount>, testId: string): Array<[string, string]> {
  const dl = wrapper.get(`[data-testid="${testId}"]`)
  const dts = dl.findAll('dt').map((d) => d.text())
  return dl.findAll('dd').map((d, i) => [dts[i] ?? '', d.text()])
}

describe('SimulationNetworkStorage', () => {
  it('shows the CLI’s network and storage figures and its energy split for the sample', async () => {
    const resultFile = join(dir, 'result.json')
    const cli = await strata('simulate', SAMPLE, '--result', resultFile)
    expect(cli.code).toBe(0)
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as SimulationResult
    const parsed = parseDesign(JSON.parse(readFileSync(SAMPLE, 'utf8')))
    if (!parsed.ok) throw new Error('sample does not parse')

    setActivePinia(createPinia())
    useDesignStore().design = parsed.value as Design
    const wrapper = mount(SimulationNetworkStorage, { props: { result } })

    const network = cliFacts(cli.out, 'Network')
    const storage = cliFacts(cli.out, 'Storage')
    expect(network.map(([l]) => l)).toContain('Saturated links')
    expect(storage.map(([l]) => l)).toContain('Saturated systems')
    expect(shown(wrapper, 'sim-network')).toEqual(network)
    expect(shown(wrapper, 'sim-storage')).toEqual(storage)

    // traffic delivered = Σ over tenants of GB sent + GB received, from the result's fields
    const net = result.network
    if (!net) throw new Error('the sample declares traffic')
    const delivered = net.tenants.reduce((s, t) => s + t.gbSent + t.gbReceived, 0)
    const dd = wrapper.get('[data-figure="traffic-delivered"]')
    expect(Number(dd.attributes('data-value'))).toBeCloseTo(delivered, 6)

    // the energy split: the CLI's "of which" line, and the oracle sum = total
    const ofWhich = /of which\s+(.*)$/m.exec(cli.out)?.[1] ?? ''
    const cliSplit = Object.fromEntries(
      ofWhich.split(' · ').map((part) => {
        const [kind, kWh] = part.split(' ')
        return [kind, Number(kWh)]
      }),
    )
    const value = (kind: string): number =>
      Number(
        wrapper
          .get(`[data-testid="sim-energy-split"] [data-kind="${kind}"]`)
          .attributes('data-value'),
      )
    for (const kind of ['hosts', 'storage', 'switches'])
      expect(value(kind)).toBeCloseTo(cliSplit[kind] as number, 5)
    expect(value('hosts') + value('storage') + value('switches')).toBeCloseTo(value('total'), 9)
    expect(value('total')).toBe(result.summary.energyKWh)
    wrapper.unmount()
  })

  it('says so when the run modelled neither traffic nor storage', () => {
    setActivePinia(createPinia())
    const result = {
      summary: { energyKWh: 5, horizonS: 3600, migrations: 0 },
      migrations: [],
      migrationsTruncated: false,
    } as unknown as SimulationResult
    const wrapper = mount(SimulationNetworkStorage, { props: { result } })
    expect(wrapper.find('[data-testid="sim-no-fabric"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="sim-network"]').exists()).toBe(false)
    expect(wrapper.get('[data-kind="hosts"]').text()).toBe('5.0 kWh (100 %)')
    wrapper.unmount()
  })
})
