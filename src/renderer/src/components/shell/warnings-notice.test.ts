import { describe, expect, it } from 'vitest'
import { warningsNotice } from './warnings-notice'

const warning = (path: string, message: string) => ({
  severity: 'warning' as const,
  path,
  message,
})

describe('warningsNotice', () => {
  it('names the count and the first warning with its path, and keeps every one for the tooltip', () => {
    const n = warningsNotice(
      {
        warnings: [
          warning('clusters', 'OpenDC topologies describe no disks'),
          warning('clusters[0].powerSource', '"powerSource" is not represented in Strata'),
        ],
      },
      'Imported',
    )
    expect(n).toEqual({
      text: 'Imported, with 2 warnings (hover for all): clusters: OpenDC topologies describe no disks',
      detail:
        'clusters: OpenDC topologies describe no disks\nclusters[0].powerSource: "powerSource" is not represented in Strata',
    })
  })

  it('says one warning in the singular, a path-less one by its message, and nothing without any', () => {
    expect(warningsNotice({ warnings: [warning('', 'memory read as bytes')] }, 'Opened')).toEqual({
      text: 'Opened, with 1 warning: memory read as bytes',
      detail: 'memory read as bytes',
    })
    expect(warningsNotice({ warnings: [] }, 'Imported')).toBeUndefined()
    expect(warningsNotice({ state: {} }, 'Imported')).toBeUndefined()
    expect(warningsNotice(undefined, 'Imported')).toBeUndefined()
  })
})
