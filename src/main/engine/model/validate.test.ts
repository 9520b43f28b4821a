import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkIntegrity, validateDesign } from './validate'

const sample = JSON.parse(readFileSync('resources/samples/two-hall.strata.json', 'utf8')) as Record<
  string,
  unknown
>
const clone = (): Record<string, unknown> & {
  hosts: Array<Record<string, unknown>>
  links: Array<Record<string, unknown>>
  workloads: Array<Record<string, unknown>>
} => structuredClone(sample) as never

describe('validateDesign', () => {
  it('finds nothing wrong with the built-in sample', () => {
    expect(validateDesign(sample)).toEqual([])
  })

  it('reports a dangling link, a negative memory and a duplicate id together, each with its path', () => {
    const raw = JSON.parse(
      readFileSync('test/fixtures/three-problems.strata.json', 'utf8'),
    ) as unknown
    const problems = validateDesign(raw)
    const paths = problems.map((p) => p.path)
    expect(paths).toContain('links[0].targetId')
    expect(paths).toContain('hosts[1].memoryMiB')
    expect(paths).toContain('hosts[2].id')
    expect(problems.find((p) => p.path === 'links[0].targetId')?.message).toMatch(
      /agg-9.*does not exist/,
    )
    expect(problems.find((p) => p.path === 'hosts[2].id')?.message).toMatch(/duplicate id/)
  })

  it('names unknown fields and wrong types by path', () => {
    const d = clone()
    d.hosts[0] = { ...d.hosts[0], memoryGB: 12, sockets: 'two' }
    const problems = validateDesign(d)
    expect(problems).toContainEqual(expect.objectContaining({ path: 'hosts[0].sockets' }))
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'hosts[0]', message: expect.stringContaining('memoryGB') }),
    )
  })

  it('flags a host with zero cores and a container workload no host can run', () => {
    const d = clone()
    d.hosts[0] = { ...d.hosts[0], coresPerSocket: 0 }
    d.workloads.push({ ...d.workloads[4], id: 'w-win-containers', guestOs: 'windows' })
    const problems = validateDesign(d)
    expect(problems).toContainEqual(
      expect.objectContaining({
        path: 'hosts[0].coresPerSocket',
        message: 'host has zero CPU cores',
      }),
    )
    const container = problems.find((p) => p.elementId === 'w-win-containers')
    expect(container?.path).toMatch(/^workloads\[\d+\]\.guestOs$/)
    expect(container?.message).toMatch(/container workload for windows/)
  })

  it('refuses to open a non-object and says so at the root', () => {
    expect(checkIntegrity([1, 2]).design).toBeUndefined()
    expect(checkIntegrity('x').problems[0]?.path).toBe('')
  })
})
