import { getTranslations } from 'next-intl/server'
import { PasswordSignInForm } from './password-sign-in-form'

/** Server wrapper: hands the translated labels to the client form (no message bundle shipped). */
export async function SignInForm({ next, initialError }: { next: string; initialError: boolean }) {
  const t = await getTranslations('SignIn')
  const labels = {
    identifier: t('identifier'),
    identifierHint: t('identifierHint'),
    password: t('password'),
    submit: t('submit'),
    pending: t('pending'),
    failed: t('failed'),
    unavailable: t('unavailable'),
  }
  return <PasswordSignInForm labels={labels} next={next} initialError={initialError} />
}
