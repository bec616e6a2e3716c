import 'server-only'
import { Prisma } from '@/generated/prisma/client'
import { AppError } from '@/domain/errors'

/**
 * The use-cases check uniqueness first (to answer with the field at fault); two administrators racing for
 * the same username still hit the database's unique index, and that answer is mapped the same way.
 * With the pg driver adapter the index name is in `meta.driverAdapterError.cause.constraint.index`
 * (e.g. "User_username_key"); the whole meta is searched so a change of shape still finds it.
 */
export function uniqueViolationAsAppError(error: unknown): AppError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return null
  const meta = JSON.stringify(error.meta ?? {})
  if (meta.includes('phone')) return new AppError('ALREADY_EXISTS', 'phone already used', { phone: ['phoneTaken'] })
  return new AppError('ALREADY_EXISTS', 'username already used', { username: ['usernameTaken'] })
}
