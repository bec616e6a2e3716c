import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { z } from 'zod'
import { inputBorder, inputClass } from '@/components/admin/form-field'
import { catalogueHref, procedureHref } from '@/components/catalogue/catalogue-href'
import { catalogueLabels } from '@/components/catalogue/catalogue-labels'
import { Breadcrumb } from '@/components/ui/breadcrumb'
import { buttonStyles } from '@/components/ui/button-styles'
import { Notice } from '@/components/ui/notice'
import { formatDateTime } from '@/lib/format/date'
import { requirePagePermission } from '@/server/auth/session'
import { getProcedure } from '@/server/catalogue/get-procedure'
import { db } from '@/server/db'
import { requestCommuneChoices } from '@/server/catalogue/commune-choices'
import { listDrafts } from '@/server/drafts/drafts'
import { startDraftAction } from './actions'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const Slug = z.string().trim().min(1).max(100)
const CommuneCode = z.string().regex(/^\d{5}$/)

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = Slug.safeParse((await params).slug)
  const [procedure, labels, t] = await Promise.all([slug.success ? getProcedure(slug.data) : null, catalogueLabels(), getTranslations('Submission')])
  return procedure ? { title: t('metaTitle', { procedure: labels.name(procedure) }) } : {}
}

/** Step 1 of an online application: the commune that will handle it (carried from the catalogue as `?xa=`). */
export default async function StartApplicationPage({ params, searchParams }: Props) {
  const slug = Slug.safeParse((await params).slug)
  if (!slug.success) notFound()
  const actor = await requirePagePermission('dossier.submit', `/thu-tuc/${slug.data}/nop-ho-so`)
  const [procedure, labels, t, query] = await Promise.all([getProcedure(slug.data), catalogueLabels(), getTranslations('Submission'), searchParams])
  if (!procedure) notFound()
  const name = labels.name(procedure)
  const [communes, drafts] = await Promise.all([requestCommuneChoices(), listDrafts(db(), actor)])
  const draft = drafts.find((candidate) => candidate.procedure.slug === procedure.slug)
  const asked = CommuneCode.safeParse(query.xa)
  const chosen = asked.success ? asked.data : (communes.find((commune) => commune.name === draft?.commune.name)?.code ?? '')
  const communeError = query.loi === 'xa'

  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      <Breadcrumb
        label={t('breadcrumb')}
        crumbs={[{ label: t('home'), href: '/' }, { label: name, href: procedureHref(procedure.slug) }, { label: t('apply') }]}
      />
      <h1 className="mt-4 text-2xl font-bold text-navy-900 sm:text-3xl">{name}</h1>
      <p className="mt-1 text-slate-700">{t('apply')}</p>
      {procedure.canSubmitOnline ? (
        <form action={startDraftAction.bind(null, procedure.slug)} className="mt-6 space-y-5 rounded border border-slate-300 bg-white p-4 shadow-sm sm:p-6">
          <p className="text-slate-800">{t('start.lead')}</p>
          {draft ? (
            <Notice tone="info" role="status">
              {t('start.continueDraft', { time: formatDateTime(draft.updatedAt) })}
            </Notice>
          ) : null}
          <div>
            <label htmlFor="xa" className="block font-semibold text-slate-800">
              {t('start.commune')}
            </label>
            <select
              id="xa"
              name="xa"
              defaultValue={chosen}
              required
              aria-invalid={communeError || undefined}
              aria-describedby={communeError ? 'xa-goi-y xa-loi' : 'xa-goi-y'}
              className={`${inputClass} ${inputBorder}`}
            >
              <option value="">{t('start.choose')}</option>
              {communes.map((commune) => (
                <option key={commune.code} value={commune.code}>
                  {commune.name}
                </option>
              ))}
            </select>
            <p id="xa-goi-y" className="mt-1.5 text-sm text-slate-600">
              {t('start.communeHint')}
            </p>
            {communeError ? (
              <p id="xa-loi" className="mt-1.5 text-sm font-semibold text-gov-red-700">
                {t('start.communeError')}
              </p>
            ) : null}
          </div>
          <button type="submit" className={`${buttonStyles.primary} min-h-12 w-full sm:w-auto`}>
            {t('start.begin')}
          </button>
        </form>
      ) : (
        <div className="mt-6">
          <Notice tone="warning">{t('start.deskOnly')}</Notice>
          <p className="mt-4">
            <a href={catalogueHref({})} className="font-semibold text-navy-800 underline">
              {t('home')}
            </a>
          </p>
        </div>
      )}
    </div>
  )
}
