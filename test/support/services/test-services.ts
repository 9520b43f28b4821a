/** Real services for tests: the sample design open, a fresh data folder, the web shell. */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServices, type Services } from '../../../src/main/services'

export function testServices(options: Partial<Parameters<typeof startServices>[0]> = {}): Services {
  return startServices({
    version: 'test',
    paths: {
      dataDir: mkdtempSync(join(tmpdir(), 'strata-test-')),
      samplesDir: 'resources/samples',
    },
    shell: { kind: 'web' },
    ...options,
  })
}
