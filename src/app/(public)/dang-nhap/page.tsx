import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { z } from 'zod'
import { type DemoAccountView, DemoAccountsPanel } from '@/components/auth/demo-accounts-panel'
import { safeNextPath } from '@/components/auth/safe-next-path'
import { SignInForm } from '@/components/auth/sign-in-form'
import { VneidSignInButton } from '@/components/auth/vneid-sign-in-button'
import { Notice } from '@/components/ui/notice'
import { DEMO_ACCOUNTS, DEMO_COMMUNES, demoSignInIdentifier } from '@/server/demo/demo-accounts'
import { isVneidConfigured } from '@/server/auth/vneid-provider'
import { serverEnv } from '@/server/env'

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value)

const SignInParams = z.object({
  next: z.preprocess(firstValue, z.unknown().transform(safeNextPath)),
  registered: z.preprocess(firstValue, z.literal('1').optional().catch(undefined)),
  changed: z.preprocess(firstValue, z.literal('1').optional().catch(undefined)),
  expired: z.preprocess(firstValue, z.literal('1').optional().catch(undefined)),
  // next-auth redirects here with ?error=… when a sign-in (e.g. through VNeID) was refused.
  error: z.preprocess(firstValue, z.string().max(100).optional().catch(undefined)),
})

/** The seeded demo accounts, as the sign-in hints show them; only in demo mode. */
function demoAccountViews(): DemoAccountView[] | null {
  if (!serverEnv().DEMO_MODE) return null
  const communeNames = new Map<string, string>(DEMO_COMMUNES.map((commune) => [commune.code, commune.name]))
  return DEMO_ACCOUNTS.map((account) => ({
    role: account.role,
    login: demoSignInIdentifier(account),
    altLogin: account.role === 'CITIZEN' ? account.phone : null,
    fullName: account.fullName,
    commune: account.communeCode ? (communeNames.get(account.communeCode) ?? account.communeCode) : null,
    password: account.password,
  }))
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('SignIn')
  return { title: t('metaTitle'), robots: { index: false } }
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const params = SignInParams.parse(await searchParams)
  const t = await getTranslations('SignIn')
  const demoAccounts = demoAccountViews()
  const tv = await getTranslations('Vneid')
  // next-auth names a refused OpenID Connect sign-in OAuthCallback / AccessDenied / Callback.
  const vneidRefused = params.error !== undefined && params.error !== 'CredentialsSignin'
  const notice = params.registered ? 'registered' : params.changed ? 'changed' : params.expired ? 'expired' : null

  return (
    <div>
      <div className="mx-auto grid max-w-6xl grid-cols-1 items-start gap-8 px-4 py-10 sm:px-6 sm:py-14 lg:grid-cols-[minmax(0,28rem)_minmax(0,1fr)]">
        <div className="rounded border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
          <p className="mt-2 text-slate-700">{t('lead')}</p>
          {notice ? (
            <div className="mt-5">
              <Notice tone={notice === 'expired' ? 'warning' : 'success'} role="status">
                {t(notice)}
              </Notice>
            </div>
          ) : null}
          {vneidRefused ? (
            <div className="mt-5">
              <Notice tone="error" role="alert">
                {tv('refused')}
              </Notice>
            </div>
          ) : null}
          <div className="mt-6">
            <SignInForm next={params.next ?? '/chuyen-huong'} initialError={params.error === 'CredentialsSignin'} />
          </div>
          <div className="mt-4">
            <VneidSignInButton
              enabled={isVneidConfigured()}
              callbackUrl={params.next ?? '/chuyen-huong'}
              labels={{ signIn: tv('signIn'), pending: tv('pending'), unavailable: tv('unavailable') }}
            />
          </div>
          <p className="mt-5 flex flex-wrap justify-between gap-2 text-sm">
            <Link href="/quen-mat-khau" className="font-semibold text-navy-800 underline">
              {t('forgot')}
            </Link>
            <Link href="/dang-ky" className="font-semibold text-navy-800 underline">
              {t('register')}
            </Link>
          </p>
        </div>
        {demoAccounts ? <DemoAccountsPanel accounts={demoAccounts} /> : null}
      </div>
    </div>
  )
}
