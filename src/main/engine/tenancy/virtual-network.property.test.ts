/**
 * Property (issue 17): over random designs with a switched fabric and traffic, really
 * simulated, a tenant's view and its report (JSON, HTML, CSV) never contain a physical link's,
 * switch's or uplink's id or name, a host's, or another tenant's id, name, workload or network
 * names; and a tenant whose workloads declare traffic sees its virtual network.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { arbitraryNetworkDesign } from '../../../../test/support/engine/arbitrary-network-design'
import { foreignStrings } from '../../../../test/support/engine/foreign-strings'
import { buildTenantReport, renderReportHtml, reportCsvFiles } from '../reports'
import { simulate } from '../simulation/simulation'
import { projectTenantView } from './index'

describe('a tenant’s virtual network', () => {
  it('names no physical element and no other tenant, in the view and in its report', () => {
    fc.assert(
      fc.property(arbitraryNetworkDesign(), (design) => {
        const result = simulate(design)
        expect(result.network).toBeDefined()
        for (const tenant of design.tenants) {
          const projected = projectTenantView(design, tenant.id, { simulation: { result } })
          if (!projected.ok) throw new Error('tenant missing')
          const view = projected.view
          const model = buildTenantReport(view)
          const html = renderReportHtml(model, {
            renderChart: (c) => `<svg>${JSON.stringify(c)}</svg>`,
            generatedAt: '2026-01-01T00:00:00Z',
          })
          const csv = reportCsvFiles(model)
            .map((f) => `${f.fileName}\n${f.contents}`)
            .join('\n')
          const texts = { view: JSON.stringify(view), html, csv }
          const foreign = [
            ...foreignStrings(design, tenant.id, new Set()),
            ...(design.fabric?.externalUplinks ?? []).flatMap((u) => [u.id, u.name]),
          ]
          for (const [where, text] of Object.entries(texts))
            for (const s of foreign) expect(text.includes(s), `${where} names "${s}"`).toBe(false)
          const own = design.workloads.filter((w) => w.tenantId === tenant.id)
          const vn = view.virtualNetwork
          expect(vn).toBeDefined()
          expect(vn?.traffic).toBeDefined()
          const ownIds = new Set(own.map((w) => w.id))
          for (const n of vn?.nodes ?? []) expect(ownIds.has(n.workloadId)).toBe(true)
          for (const l of vn?.links ?? []) {
            expect(ownIds.has(l.workloadId)).toBe(true)
            if (l.peerWorkloadId !== undefined) expect(ownIds.has(l.peerWorkloadId)).toBe(true)
          }
          expect(model.sections.some((s) => s.id === 'network')).toBe(true)
        }
      }),
      { numRuns: 60, seed: 17 },
    )
  })
})
