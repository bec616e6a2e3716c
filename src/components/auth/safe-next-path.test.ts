import { describe, expect, it } from 'vitest'
import { safeNextPath } from './safe-next-path'

describe('safeNextPath', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNextPath('/thu-tuc/1.001193')).toBe('/thu-tuc/1.001193')
    expect(safeNextPath('/ho-so?trang=2')).toBe('/ho-so?trang=2')
  })

  it('refuses anything that could leave the site', () => {
    for (const value of ['//evil.example', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', 'thu-tuc', '']) {
      expect(safeNextPath(value)).toBeUndefined()
    }
  })

  it('refuses control characters, over-long values and non-strings', () => {
    expect(safeNextPath('/a\nb')).toBeUndefined()
    expect(safeNextPath(`/${'a'.repeat(600)}`)).toBeUndefined()
    expect(safeNextPath(null)).toBeUndefined()
    expect(safeNextPath(['/a'])).toBeUndefined()
  })
})
