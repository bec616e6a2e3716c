import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { AccountMessages } from '@/components/account/account-messages'
import { RegistrationForm } from '@/components/account/registration-form'
import { localDateOf } from '@/domain/calendar/working-days'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Account.register')
  return { title: t('metaTitle'), robots: { index: false } }
}

export default async function RegisterPage() {
  const t = await getTranslations('Account.register')
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6 sm:py-14">
      <div className="rounded border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('lead')}</p>
        <div className="mt-6">
          <AccountMessages>
            <RegistrationForm today={localDateOf(new Date())} />
          </AccountMessages>
        </div>
        <p className="mt-6 text-sm text-slate-700">
          {t('haveAccount')}{' '}
          <Link href="/dang-nhap" className="font-semibold text-navy-800 underline">
            {t('signIn')}
          </Link>
        </p>
      </div>
    </div>
  )
}
