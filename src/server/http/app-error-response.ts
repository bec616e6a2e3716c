import 'server-only'
import { NextResponse } from 'next/server'
import { isAppError, type AppErrorCode } from '@/domain/errors'

/** The one table from error codes to HTTP statuses. */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  INVALID_INPUT: 422,
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  INVALID_CREDENTIALS: 401,
  RATE_LIMITED: 429,
  ALREADY_EXISTS: 409,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
}

/** Route handlers: AppError → JSON with its status; anything else is a 500 without details. */
export function errorResponse(error: unknown): NextResponse {
  if (isAppError(error)) {
    return NextResponse.json({ error: error.code, fieldErrors: error.fieldErrors }, { status: HTTP_STATUS[error.code] })
  }
  console.error(error)
  return NextResponse.json({ error: 'INTERNAL' }, { status: 500 })
}
