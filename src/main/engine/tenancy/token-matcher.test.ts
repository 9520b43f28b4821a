import { describe, expect, it } from 'vitest'
import { createTokenMatcher } from './token-matcher'

describe('createTokenMatcher', () => {
  const m = createTokenMatcher(['kvm-1', 'kvm', 'Acme Retail', '(x)', 'a'])
  const tokens = (text: string): string[] =>
    m
      .find(text)
      .map((f) => f.token)
      .sort()

  it('matches whole tokens between non-alphanumeric boundaries', () => {
    expect(tokens('on kvm-1 now')).toEqual(['kvm', 'kvm-1'])
    expect(tokens('kvm-10')).toEqual(['kvm'])
    expect(tokens('xkvm-1 kvmx')).toEqual([])
    expect(tokens('by Acme Retail.')).toEqual(['Acme Retail'])
    expect(tokens('Acme Retailer')).toEqual([])
  })

  it('finds tokens that start with punctuation, and single letters as words', () => {
    expect(tokens('y (x) z')).toEqual(['(x)'])
    expect(tokens('b(x)')).toEqual([])
    expect(tokens('a cat')).toEqual(['a'])
    expect(m.find('on kvm-1')).toContainEqual({ start: 3, end: 8, token: 'kvm-1' })
  })
})
