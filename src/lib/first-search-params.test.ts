import { describe, expect, it } from 'vitest'
import { firstSearchParams } from './first-search-params'

describe('firstSearchParams', () => {
  it('keeps the first value of a repeated parameter and drops missing ones', () => {
    expect(firstSearchParams({ vnp_TxnRef: 'MC1', vnp_Amount: ['1000000', '100'], empty: undefined, blank: '' })).toEqual({ vnp_TxnRef: 'MC1', vnp_Amount: '1000000', blank: '' })
  })
})
