// @vitest-environment happy-dom
/**
 * The students' guide: every section the stack view links to exists; its figures are the
 * published ones copied into `test/fixtures/nesting/published-overheads.json` (the oracle, not
 * Strata's tables), and its worked examples are right by hand arithmetic. The Help panel
 * renders it as elements and jumps to a section when asked.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { GUIDE_SECTIONS } from '../../../../main/engine/nesting/stack-sources'
import { useHelpStore } from '../../stores/help'
import HelpPanel from './HelpPanel.vue'
import { parseGuide, slugOf } from './guide-doc'

const text = readFileSync('docs/guide/virtualization-layers.md', 'utf8')
/** The guide with every run of white space as one space (lines wrap, tables are padded). */
const flat = text.replace(/\s+/g, ' ')
type Figures = Record<string, number>
const published = JSON.parse(
  readFileSync('test/fixtures/nesting/published-overheads.json', 'utf8'),
) as Record<
  | 'kubernetesNodeReserve'
  | 'containerLayer'
  | 'hardwareAssistedLayer'
  | 'nestedHypervisorLevel'
  | 'hostedTypeTwo',
  Figures
>
/** A figure of the fixture (throws if the fixture lacks it). */
const fig = (f: Figures, key: string): number => {
  const v = f[key]
  if (typeof v !== 'number') throw new Error(`fixture has no ${key}`)
  return v
}
const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })

describe('the guide', () => {
  it('has a section for every link of the stack view', () => {
    const anchors = parseGuide(text).sections.map((s) => s.anchor)
    for (const anchor of Object.values(GUIDE_SECTIONS)) expect(anchors).toContain(anchor)
    expect(slugOf('Type 1 and type 2 hypervisors')).toBe('type-1-and-type-2-hypervisors')
    expect(slugOf('Native (bare metal)')).toBe('native-bare-metal')
  })

  it('gives the published figures', () => {
    const k = published.kubernetesNodeReserve
    expect(flat).toContain(
      `${fig(k, 'cpuMilliFixed')} millicores + ${fig(k, 'cpuPercentOfNode')} % of the CPU, and ${fig(k, 'memoryMiBFixed')} MiB + ${fig(k, 'memoryPercentOfNode')} % of the memory + a ${fig(k, 'evictionThresholdMiB')} MiB eviction threshold`,
    )
    const c = published.containerLayer
    expect(flat).toContain(`| CPU | ${fig(c, 'cpuOverheadPercent')} % |`)
    expect(flat).toContain(`| memory per container | ${fig(c, 'memoryPerContainerMiB')} MiB |`)
    const h = published.hardwareAssistedLayer
    expect(flat).toContain(
      `${fig(h, 'memoryFixedMiB')} MiB + ${fig(h, 'memoryPerVcpuMiB')} MiB per vCPU + ${fig(h, 'memoryPercentOfRam')} % of RAM`,
    )
    const n = published.nestedHypervisorLevel
    expect(flat).toContain(
      `Each extra hypervisor level costs about ${fig(n, 'cpuOverheadPercent')} % CPU`,
    )
    const t = published.hostedTypeTwo
    expect(flat).toContain(`+ ${fig(t, 'extraCpuOverheadPercent')} points`)
    expect(flat).toContain(
      `× ${fig(t, 'diskThroughputFactor')} / × ${fig(t, 'networkThroughputFactor')}`,
    )
  })

  it('works its examples out right', () => {
    const h = published.hardwareAssistedLayer
    const c = published.containerLayer
    const k = published.kubernetesNodeReserve
    // a container in a KVM guest: (1 + 5 %)(1 + 1 %) of host CPU per unit of work
    const factor =
      (1 + fig(h, 'cpuOverheadPercent') / 100) * (1 + fig(c, 'cpuOverheadPercent') / 100)
    expect(flat).toContain(`costs 1.05 × 1.01 = ${factor.toFixed(4)} of the host's CPU`)
    expect(flat).toContain(`${fmt(2000 / factor, 2)} MIPS`)
    // a 4-vCPU, 8 GiB node
    const milli = 4000 - (fig(k, 'cpuMilliFixed') + (fig(k, 'cpuPercentOfNode') / 100) * 4000)
    const mem =
      8192 -
      Math.ceil(
        fig(k, 'memoryMiBFixed') +
          fig(k, 'evictionThresholdMiB') +
          (fig(k, 'memoryPercentOfNode') / 100) * 8192,
      )
    expect(flat).toContain(`= ${fmt(milli)} millicores`)
    expect(flat).toContain(`= ${fmt(mem)} MiB for its containers`)
    // KVM's charge for that VM
    const vmMiB =
      fig(h, 'memoryFixedMiB') +
      fig(h, 'memoryPerVcpuMiB') * 4 +
      (fig(h, 'memoryPercentOfRam') / 100) * 8192
    expect(flat).toContain(`= ${vmMiB}, so ${Math.ceil(vmMiB)} MiB beyond its RAM`)
    // type 2 with 12.5 % / 4,096 MiB for the host OS, against type 1's 2,048 MiB reserve
    expect(flat).toContain(`64 × (1 − 0.125) = ${64 * (1 - 0.125)} vCPUs`)
    expect(flat).toContain(`65,536 − 4,096 = ${fmt(65536 - 4096)} MiB`)
    expect(flat).toContain(`65,536 − 2,048 = ${fmt(65536 - 2048)} MiB`)
  })
})

describe('HelpPanel', () => {
  it('renders the guide as elements and jumps to the section asked for', async () => {
    setActivePinia(createPinia())
    const help = useHelpStore()
    const wrapper = mount(HelpPanel, { attachTo: document.body })
    expect(wrapper.find('[data-testid="help-panel"]').exists()).toBe(false)
    help.show('isolation-boundaries')
    await flushPromises()
    const body = wrapper.get('[data-testid="guide-body"]')
    expect(body.find('#isolation-boundaries').text()).toBe('Isolation boundaries')
    expect(body.findAll('table').length).toBeGreaterThan(4)
    expect(body.html()).not.toContain('**')
    expect(wrapper.get('[data-section="isolation-boundaries"]').classes()).toContain('current')
    await wrapper.get('a[href="#sources"]').trigger('click')
    expect(help.section).toBe('sources')
    await wrapper.get('[data-testid="help-close"]').trigger('click')
    expect(help.open).toBe(false)
    wrapper.unmount()
  })
})
