import 'server-only'
import type { PrismaClient } from '@/generated/prisma/client'
import type { Actor } from '@/domain/access/actor'
import type { Role } from '@/domain/access/roles'
import { AppError } from '@/domain/errors'

export type MyAccount = {
  fullName: string
  role: Role
  username: string | null
  citizenId: string | null
  phone: string | null
  email: string | null
  /** yyyy-mm-dd */
  birthDate: string | null
  gender: 'MALE' | 'FEMALE' | null
  /** False for accounts that only sign in through VNeID: they set a password through "forgot password". */
  hasPassword: boolean
  createdAt: Date
}

/** The signed-in person's own profile, for the account page. */
export async function getMyAccount(client: PrismaClient, { actor }: { actor: Actor }): Promise<MyAccount> {
  const user = await client.user.findUnique({
    where: { id: actor.userId },
    select: {
      fullName: true,
      role: true,
      username: true,
      citizenId: true,
      phone: true,
      email: true,
      birthDate: true,
      gender: true,
      passwordHash: true,
      createdAt: true,
    },
  })
  if (!user) throw new AppError('UNAUTHENTICATED')
  const { passwordHash, birthDate, ...rest } = user
  return { ...rest, birthDate: birthDate ? birthDate.toISOString().slice(0, 10) : null, hasPassword: passwordHash !== null }
}
