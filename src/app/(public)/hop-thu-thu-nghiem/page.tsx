import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { DevMailboxTable } from '@/components/account/dev-mailbox-table'
import { buttonStyles } from '@/components/ui/button-styles'
import { db } from '@/server/db'
import { serverEnv } from '@/server/env'
import { listDevMailbox } from '@/server/outbox/list-dev-mailbox'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Account.mailbox')
  return { title: t('metaTitle'), robots: { index: false, follow: false } }
}

/** Demo mode only (404 otherwise): what the outbox would have sent, so a demo visitor can read their code. */
export default async function DevMailboxPage() {
  if (!serverEnv().DEMO_MODE) notFound()
  const [messages, t] = await Promise.all([listDevMailbox(db(), { demoMode: true }), getTranslations('Account.mailbox')])
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6 sm:py-14">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
          <p className="mt-2 max-w-3xl text-slate-700">{t('lead')}</p>
        </div>
        <Link href="/hop-thu-thu-nghiem" className={buttonStyles.secondary}>
          {t('refresh')}
        </Link>
      </div>
      <div className="mt-6 rounded border border-amber-400 bg-amber-50 p-4 sm:p-5">
        <DevMailboxTable messages={messages} />
      </div>
    </div>
  )
}
