'use server'

import { redirect } from 'next/navigation'
import { safeNextPath } from './safe-next-path'

/**
 * Stand-in until authentication lands: reads nothing but the return path (the password is never touched)
 * and comes back to the sign-in page with a notice.
 */
export async function submitSignInPlaceholder(formData: FormData): Promise<never> {
  const params = new URLSearchParams({ 'thong-bao': 'dang-hoan-thien' })
  const next = safeNextPath(formData.get('next'))
  if (next) params.set('next', next)
  redirect(`/dang-nhap?${params}`)
}
