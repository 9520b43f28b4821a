import { describe, expect, it } from 'vitest'
import { failureText } from './failure-text'

const problem = (path: string, message: string) => ({ severity: 'error' as const, path, message })

describe('failureText', () => {
  it('names the file, the count and the first problem with its JSON path (review s10u C2)', () => {
    const text = failureText({
      message: 'bad.strata.json cannot be opened: it is not a valid design (2 problems)',
      problems: [
        problem('hosts[1].memoryMiB', 'Invalid input: expected number, received string'),
        problem('hosts[2].cores', 'Too small'),
      ],
    })
    expect(text).toBe(
      'bad.strata.json cannot be opened: it is not a valid design (2 problems); the first: hosts[1].memoryMiB: Invalid input: expected number, received string',
    )
  })

  it('says the one problem without "the first", and a message alone as it is', () => {
    expect(
      failureText({
        message: 'a.json cannot be opened: it is not a valid design (1 problem)',
        problems: [problem('name', 'Required')],
      }),
    ).toBe('a.json cannot be opened: it is not a valid design (1 problem); name: Required')
    expect(failureText({ message: 'no design is open' })).toBe('no design is open')
    expect(failureText({ message: 'x: Required', problems: [problem('', 'Required')] })).toBe(
      'x: Required',
    )
  })
})
