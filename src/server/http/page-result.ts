import 'server-only'
import { notFound } from 'next/navigation'
import { isAppError } from '@/domain/errors'

/** Pages: a use-case's NOT_FOUND (or FORBIDDEN on a read) renders the 404 page, like a missing page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) notFound()
    throw error
  }
}
