import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { LookupForm } from '@/components/lookup/lookup-form'
import { LookupMessages } from '@/components/lookup/lookup-messages'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Lookup.page')
  return { title: t('metaTitle') }
}

/** Public dossier lookup: code + the applicant's phone or ID number, without signing in. */
export default async function LookupPage() {
  const t = await getTranslations('Lookup.page')
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6 sm:py-14">
      <div className="rounded border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('lead')}</p>
        <p className="mt-2 text-sm text-slate-600">{t('privacy')}</p>
        <div className="mt-6">
          <LookupMessages>
            <LookupForm />
          </LookupMessages>
        </div>
      </div>
    </div>
  )
}
