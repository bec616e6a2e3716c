import { scryptSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashPassword, needsRehash, verifyPassword } from './password'

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('MotCua@2026')
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/)
    expect(await verifyPassword('MotCua@2026', hash)).toBe(true)
    expect(await verifyPassword('motcua@2026', hash)).toBe(false)
    expect(needsRehash(hash)).toBe(false)
  })

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'))
  })

  it('treats composed and decomposed Vietnamese the same', async () => {
    const hash = await hashPassword('Mật khẩu'.normalize('NFC'))
    expect(await verifyPassword('Mật khẩu'.normalize('NFD'), hash)).toBe(true)
  })

  it('returns false, without throwing, for hashes it did not write', async () => {
    for (const stored of ['', 'plain', 'bcrypt$x', 'scrypt$3$8$1$AAAA$AAAA', 'scrypt$1048576000$8$1$AAAA$AAAA', 'scrypt$16384$8$1$$']) {
      expect(await verifyPassword('x', stored)).toBe(false)
    }
  })

  it('verifies older, cheaper hashes and asks for a rehash', async () => {
    const salt = Buffer.from('saltsaltsaltsalt')
    const key = scryptSync('MotCua@2026', salt, 32, { N: 2 ** 14, r: 8, p: 1 })
    const cheap = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`
    expect(await verifyPassword('MotCua@2026', cheap)).toBe(true)
    expect(needsRehash(cheap)).toBe(true)
  })
})
