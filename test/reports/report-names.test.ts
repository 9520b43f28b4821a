/**
 * Names, not ids, where a user reads them: after renaming a host and a workload group, the
 * report's tables, the scheduler's explanation and `strata place` say the new names, and
 * reasons read as plain sentences about hosts.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createScheduler } from '../../src/main/engine'
import { checkIntegrity } from '../../src/main/engine/model/validate'
import { produceReport } from '../../src/main/services/reports/produce-report'
import type { Design } from '../../src/shared/design/schema'

function renamed(): Design {
  const design = checkIntegrity(
    JSON.parse(
      readFileSync(join(__dirname, '../../resources/samples/two-hall.strata.json'), 'utf8'),
    ),
  ).design as Design
  for (const h of design.hosts) h.name = `web-${h.id}`
  for (const w of design.workloads) w.name = `group ${w.id.replace(/^w-/, '')}`
  return design
}

describe('names in reports and explanations', () => {
  it('the report names instances by their group and hosts by their names', async () => {
    const design = renamed()
    const out = await produceReport({ design, html: true, csv: true })
    const html = out.html ?? ''
    const refusals = /<h3>Refused instances and why<\/h3>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? ''
    expect(refusals).toMatch(/<td>group acme-web #\d+<\/td>/)
    expect(refusals).not.toMatch(/<td>w-acme-web#\d+<\/td>/)
    const migrations = /<h3>Migrations<\/h3>([\s\S]*?)<\/table>/.exec(html)?.[1] ?? ''
    expect(migrations).toMatch(/<td>group [a-z-]+ #\d+<\/td><td>web-/)
    expect(migrations).not.toMatch(/<td>w-[a-z-]+#\d+<\/td>/)
    // the CSV keeps the id beside the name, for joining with other data
    const instances = out.csv?.find((f) => f.fileName === 'instances.csv')?.contents ?? ''
    expect(instances.split('\r\n')[0]).toMatch(/^instance,instance_id,workload,tenant,/)
    expect(instances).toMatch(/\r\ngroup acme-web #1,w-acme-web#0,group acme-web,Acme Retail,web-/)
  })

  it('explanations read as sentences about hosts and name the chosen host', () => {
    const design = renamed()
    const scheduler = createScheduler(design)
    const result = scheduler.placeAll()
    const placed = result.placed[0]!
    const e = scheduler.explain(placed.instanceId)!
    const host = design.hosts.find((h) => h.id === placed.hostId)!
    expect(e.summary.startsWith(`placed on ${host.name}; `)).toBe(true)
    expect(e.summary).toMatch(/\d+ of 13 hosts could take it/)
    for (const line of e.reasons) expect(line).toMatch(/^\d+ hosts?: [a-z]/)
    const refused = result.unplaced[0]!
    expect(refused.summary).toMatch(/^none of 13 hosts can take it: \d+ hosts?: /)
    expect(refused.summary).not.toMatch(/\bpeer already\b|\d+\/\d+ hosts/)
  })
})
