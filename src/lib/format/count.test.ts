import { describe, expect, it } from 'vitest'
import { padCount } from './count'

describe('padCount', () => {
  it('writes counts below ten with a leading zero, as legal texts do', () => {
    expect(padCount(3)).toBe('03')
    expect(padCount(0)).toBe('00')
  })

  it('leaves larger counts as they are', () => {
    expect(padCount(10)).toBe('10')
    expect(padCount(120)).toBe('120')
  })
})
