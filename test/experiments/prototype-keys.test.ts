/**
 * A prototype name as a key of `vary`, of a combination or of `designs` is refused at its
 * own path, in a spec file and in the `experiments:start` call alike (review s4, finding 5:
 * zod's record dropped `__proto__` silently, so the experiment ran something else). The
 * specs are written as JSON text, as a user's file or a client's message is.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Services } from '../../src/main/services'
import { loadExperiment } from '../../src/main/services/experiments/load-experiment'
import { requestSchemas } from '../../src/shared/contract/schemas'
import { experimentSpecSchema } from '../../src/shared/experiment/spec'
import { testServices } from '../support/services/test-services'
import { FIXTURES, tempDir } from './helpers'
import { writeFileSync } from 'node:fs'

const NAMES = ['__proto__', 'constructor', 'prototype']
const DESIGN = join(FIXTURES, 'two-hall.strata.json')

/** Spec texts with `name` as a key in each record of the spec, and where it must be named. */
const specs = (name: string): Array<[string, string, string[]]> => {
  const k = JSON.stringify(name)
  const d = JSON.stringify(DESIGN)
  return [
    [
      'vary',
      `{"schemaVersion":1,"name":"x","design":${d},"vary":{${k}:[1,2],"simulation.policy":["dvfs"]}}`,
      ['vary', name],
    ],
    [
      'combinations',
      `{"schemaVersion":1,"name":"x","design":${d},"combinations":[{"simulation.policy":"dvfs"},{${k}:{"policy":"dvfs"}}]}`,
      ['combinations', '1', name],
    ],
    [
      'designs',
      `{"schemaVersion":1,"name":"x","designs":{${k}:${d}},"vary":{"simulation.policy":["dvfs"]}}`,
      ['designs', name],
    ],
  ]
}

let services: Services | undefined
afterEach(async () => {
  await services?.dispose()
  services = undefined
})

describe('prototype names as keys', () => {
  for (const name of NAMES)
    for (const [where, text, path] of specs(name)) {
      it(`spec schema: ${where} with "${name}" is refused at ${path.join('.')}`, () => {
        const r = experimentSpecSchema.safeParse(JSON.parse(text))
        expect(r.success).toBe(false)
        const issue = r.error?.issues.find((i) => i.path.map(String).join('.') === path.join('.'))
        expect(issue?.message).toContain(`"${name}" cannot be a key here`)
      })

      it(`spec file: ${where} with "${name}" fails to load, naming it`, async () => {
        const file = join(tempDir('proto'), 'x.strata-experiment.json')
        writeFileSync(file, text)
        const loaded = await loadExperiment(file, '/')
        expect(loaded.ok).toBe(false)
        if (!loaded.ok) expect(JSON.stringify(loaded.problems)).toContain(`cannot be a key here`)
      })
    }

  for (const name of NAMES)
    it(`experiments:start: vary with "${name}" is a located bad-request`, async () => {
      const raw = JSON.parse(
        `{"vary":{${JSON.stringify(name)}:[1,2],"simulation.policy":["dvfs"]}}`,
      )
      expect(requestSchemas['experiments:start'].safeParse(raw).success).toBe(false)
      const document = JSON.parse(readFileSync(DESIGN, 'utf8'))
      services = testServices({ document })
      const r = await services.dispatch({ role: 'provider' }, 'experiments:start', raw)
      expect(r.ok).toBe(false)
      expect(JSON.stringify(r)).toContain(`cannot be a key here`)
      expect(JSON.stringify(r)).toContain(name)
    })
})
