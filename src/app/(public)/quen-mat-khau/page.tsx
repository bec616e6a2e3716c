import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { AccountMessages } from '@/components/account/account-messages'
import { ForgotPasswordFlow } from '@/components/account/forgot-password-flow'
import { serverEnv } from '@/server/env'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Account.forgot')
  return { title: t('metaTitle'), robots: { index: false } }
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations('Account.forgot')
  return (
    <div className="mx-auto max-w-xl px-4 py-10 sm:px-6 sm:py-14">
      <div className="rounded border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('lead')}</p>
        <div className="mt-6">
          <AccountMessages>
            <ForgotPasswordFlow demoMailbox={serverEnv().DEMO_MODE} />
          </AccountMessages>
        </div>
        <p className="mt-6 text-sm">
          <Link href="/dang-nhap" className="font-semibold text-navy-800 underline">
            {t('backToSignIn')}
          </Link>
        </p>
      </div>
    </div>
  )
}
