import { describe, expect, it } from 'vitest'
import type { Actor } from './actor'
import { navigationFor } from './navigation'
import { ROLES, type Role } from './roles'

const actor = (role: Role): Actor => ({ userId: 'u', role, fullName: 'X', communeIds: [], provinceId: null })

describe('menu by role', () => {
  const expected: Record<Role, string[]> = {
    CITIZEN: ['/ho-so-cua-toi', '/tai-khoan'],
    CLERK: ['/can-bo', '/can-bo/tiep-nhan', '/can-bo/thanh-toan', '/can-bo/thong-ke', '/tai-khoan'],
    SPECIALIST: ['/can-bo', '/can-bo/thong-ke', '/tai-khoan'],
    LEADER: ['/can-bo', '/can-bo/thanh-toan', '/can-bo/thong-ke', '/tai-khoan'],
    PROVINCE_OFFICER: ['/tinh', '/tai-khoan'],
    ADMIN: ['/tinh', '/quan-tri', '/quan-tri/nhat-ky', '/quan-tri/quy-trinh', '/quan-tri/xa-phuong', '/quan-tri/thu-tuc', '/tai-khoan'],
  }
  it.each(ROLES)('%s sees only what it may use', (role) => {
    expect(navigationFor(actor(role)).map((item) => item.href)).toEqual(expected[role])
  })
  it('shows nothing to a visitor', () => {
    expect(navigationFor(null)).toEqual([])
  })
})
