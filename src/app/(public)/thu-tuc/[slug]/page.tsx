import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { cache } from 'react'
import { z } from 'zod'
import { catalogueHref } from '@/components/catalogue/catalogue-href'
import { catalogueLabels } from '@/components/catalogue/catalogue-labels'
import { OnlineLevelBadge } from '@/components/catalogue/online-level-badge'
import { ProcedureFacts } from '@/components/catalogue/procedure-facts'
import { RequiredDocuments } from '@/components/catalogue/required-documents'
import { SubmitPanel } from '@/components/catalogue/submit-panel'
import { Badge } from '@/components/ui/badge'
import { Breadcrumb } from '@/components/ui/breadcrumb'
import { requestCommuneChoices } from '@/server/catalogue/commune-choices'
import { getProcedure } from '@/server/catalogue/get-procedure'

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const Slug = z.string().trim().min(1).max(100)
const CommuneCode = z.string().regex(/^\d{5}$/)

/** Metadata and page ask for the same procedure: one query per request. */
const loadProcedure = cache(async (rawSlug: string) => {
  const slug = Slug.safeParse(rawSlug)
  return slug.success ? getProcedure(slug.data) : null
})

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [procedure, labels] = await Promise.all([loadProcedure((await params).slug), catalogueLabels()])
  return procedure ? { title: labels.name(procedure) } : {}
}

export default async function ProcedurePage({ params, searchParams }: Props) {
  const [procedure, labels, t, query, communes] = await Promise.all([
    loadProcedure((await params).slug),
    catalogueLabels(),
    getTranslations('Procedure'),
    searchParams,
    requestCommuneChoices(),
  ])
  if (!procedure) notFound()
  // The commune chosen in the catalogue goes on to the application (the application asks when there is none).
  const asked = CommuneCode.safeParse(query.xa)
  const commune = asked.success ? communes.find((choice) => choice.code === asked.data) : undefined
  const name = labels.name(procedure)
  const field = labels.field(procedure.field)

  return (
    <>
      <div className="border-b border-navy-100 bg-navy-50">
        <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">
          <Breadcrumb
            label={t('breadcrumb')}
            crumbs={[{ label: t('home'), href: '/' }, { label: t('catalogue'), href: catalogueHref({}) }, { label: name }]}
          />
          <h1 className="mt-4 text-2xl font-bold tracking-tight text-navy-900 sm:text-3xl">{name}</h1>
          {name !== procedure.nameVi ? (
            <p lang="vi" className="mt-1 text-slate-700">
              {procedure.nameVi}
            </p>
          ) : null}
          <div className="mt-3 flex flex-wrap items-center gap-2">
            {procedure.nationalCode ? (
              <Badge tone="slate">
                {t('code')}: {procedure.nationalCode}
              </Badge>
            ) : null}
            <Badge tone="slate">
              <span lang={field.lang}>{field.text}</span>
            </Badge>
            <OnlineLevelBadge level={procedure.onlineLevel} label={labels.onlineLevel(procedure.onlineLevel)} />
          </div>
        </div>
      </div>

      <div className="mx-auto grid max-w-6xl grid-cols-1 gap-8 px-4 pt-8 pb-16 sm:px-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <aside className="lg:order-2">
          <div className="lg:sticky lg:top-4">
            <SubmitPanel procedure={procedure} labels={labels} communeCode={commune?.code} />
            {commune ? <p className="mt-3 text-sm text-slate-700">{t('handledAt', { commune: commune.name })}</p> : null}
          </div>
        </aside>
        <div className="min-w-0 space-y-10 lg:order-1">
          <section aria-labelledby="thong-tin">
            <h2 id="thong-tin" className="mb-3 text-xl font-bold text-navy-900">
              {t('details')}
            </h2>
            <ProcedureFacts procedure={procedure} labels={labels} />
          </section>
          <section aria-labelledby="thanh-phan-ho-so">
            <h2 id="thanh-phan-ho-so" className="mb-3 text-xl font-bold text-navy-900">
              {t('documents')}
            </h2>
            <RequiredDocuments documents={procedure.requiredDocuments} />
          </section>
          <p>
            <Link href={catalogueHref({})} className="font-semibold text-navy-700 underline-offset-2 hover:underline">
              <span aria-hidden="true">← </span>
              {t('back')}
            </Link>
          </p>
        </div>
      </div>
    </>
  )
}
