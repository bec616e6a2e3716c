import { describe, expect, it } from 'vitest'
import { dossierRefWhere, ZDossierRef } from './dossier-ref'

describe('dossier reference', () => {
  it('accepts a code or a UUID and nothing else', () => {
    expect(ZDossierRef.safeParse('16681-261124-0007').success).toBe(true)
    expect(ZDossierRef.safeParse('0195f6c2-7a4b-7c3d-9e8f-0123456789ab').success).toBe(true)
    expect(ZDossierRef.safeParse("16681' OR 1=1").success).toBe(false)
    expect(ZDossierRef.safeParse('').success).toBe(false)
  })
  it('looks a UUID up by id and a code by code', () => {
    expect(dossierRefWhere('0195F6C2-7A4B-7C3D-9E8F-0123456789AB')).toEqual({ id: '0195f6c2-7a4b-7c3d-9e8f-0123456789ab' })
    expect(dossierRefWhere('16681-261124-0007')).toEqual({ code: '16681-261124-0007' })
  })
})
