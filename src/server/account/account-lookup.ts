import 'server-only'
import type { SignInIdentifier } from '@/domain/identity/sign-in-identifier'

/**
 * The account a sign-in identifier names, as a where-clause: citizens by ID number or phone, staff by
 * username (the same reading as password sign-in, server/auth/sign-in-with-password.ts).
 */
export function accountWhere(identifier: SignInIdentifier) {
  switch (identifier.kind) {
    case 'citizenId':
      return { citizenId: identifier.value, role: 'CITIZEN' as const }
    case 'phone':
      return { phone: identifier.value, role: 'CITIZEN' as const }
    case 'username':
      return { username: identifier.value }
  }
}
