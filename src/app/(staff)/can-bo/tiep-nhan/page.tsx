import { randomUUID } from 'node:crypto'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { catalogueLabels } from '@/components/catalogue/catalogue-labels'
import { CitizenSearch } from '@/components/reception/citizen-search'
import { DeskReceptionForm, type ReceptionDocument } from '@/components/reception/desk-reception-form'
import { ProcedurePicker } from '@/components/reception/procedure-picker'
import { ReceptionSteps } from '@/components/reception/reception-steps'
import { Breadcrumb } from '@/components/ui/breadcrumb'
import { Notice } from '@/components/ui/notice'
import { isAppError } from '@/domain/errors'
import { padCount } from '@/lib/format/count'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { findCitizen, type CitizenLookup } from '@/server/reception/find-citizen'
import { getProcedureIntake, getReceptionSetup } from '@/server/reception/reception-catalogue'
import { registerDeskDossierAction } from './actions'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Reception'))('metaTitle'), robots: { index: false } }
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>

const single = (value: string | string[] | undefined): string => (typeof value === 'string' ? value.trim().slice(0, 100) : '')

/**
 * Desk reception (one-stop clerks only; anyone else gets the same 404 as a page that does not exist):
 * 1. find the citizen, 2. choose the procedure, 3. fill in and receive. Steps 1 and 2 are GET forms whose
 * choices stay in the address (`q`, `xa`, `thu-tuc`); step 3 posts to a server action.
 */
export default async function DeskReceptionPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission('dossier.actCommune', '/can-bo/tiep-nhan')
  if (actor.role !== 'CLERK') notFound()
  const t = await getTranslations('Reception')
  const header = (
    <>
      <Breadcrumb label={t('breadcrumb')} crumbs={[{ label: t('queue'), href: '/can-bo' }, { label: t('title') }]} />
      <h1 className="mt-3 text-2xl font-bold text-navy-900">{t('title')}</h1>
    </>
  )
  if (actor.communeIds.length === 0) {
    return (
      <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
        {header}
        <div className="mt-4">
          <Notice tone="warning">{t('noCommune')}</Notice>
        </div>
      </div>
    )
  }

  const params = await searchParams
  const query = single(params.q)
  const slug = single(params['thu-tuc'])
  const setup = await getReceptionSetup(db(), { actor })
  const commune = setup.communes.find((candidate) => candidate.code === single(params.xa)) ?? (setup.communes.length === 1 ? setup.communes[0] : undefined)

  let lookup: CitizenLookup | null = null
  let lookupError: string | null = null
  if (query) {
    try {
      lookup = await findCitizen(db(), { actor, query })
    } catch (error) {
      if (!isAppError(error) || error.code !== 'INVALID_INPUT') throw error
      lookupError = error.fieldErrors?.query?.[0] ?? 'INVALID'
    }
  }
  const intake = slug && commune ? await getProcedureIntake(db(), { actor, communeId: commune.id, slug }) : null
  const current = intake ? 3 : query ? 2 : 1

  const keepForSearch: Record<string, string> = {}
  if (commune && setup.communes.length > 1) keepForSearch.xa = commune.code
  if (intake) keepForSearch['thu-tuc'] = intake.slug
  const keepForProcedure: Record<string, string> = query ? { q: query } : {}
  if (commune && setup.communes.length === 1) keepForProcedure.xa = commune.code

  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6">
      {header}
      <p className="mt-1 text-slate-700">{t('lead', { communes: setup.communes.map((candidate) => candidate.name).join(', ') })}</p>
      <div className="mt-5">
        <ReceptionSteps
          current={current}
          labels={{ label: t('steps.label'), steps: [t('steps.find'), t('steps.procedure'), t('steps.details')], current: t('steps.current'), done: t('steps.done') }}
        />
      </div>
      <div className="mt-6 space-y-6">
        <CitizenSearch query={query} lookup={lookup} errorCode={lookupError} keep={keepForSearch} />
        <ProcedurePicker
          communes={setup.communes}
          communeCode={commune?.code ?? null}
          procedures={setup.procedures}
          slug={slug}
          unavailable={Boolean(slug && commune && !intake)}
          keep={keepForProcedure}
        />
        {intake && commune ? <IntakeSection intake={intake} communeId={commune.id} communeCode={commune.code} lookup={lookup} actorId={actor.userId} /> : null}
      </div>
    </div>
  )
}

async function IntakeSection({
  intake,
  communeId,
  communeCode,
  lookup,
  actorId,
}: {
  intake: NonNullable<Awaited<ReturnType<typeof getProcedureIntake>>>
  communeId: string
  communeCode: string
  lookup: CitizenLookup | null
  actorId: string
}) {
  const [t, procedureT, labels] = await Promise.all([getTranslations('Reception.details'), getTranslations('Procedure'), catalogueLabels()])
  const match = lookup?.match ?? null
  const typed = lookup?.query
  // Prefill from the lookup: the name and ID number found, or what the clerk typed. A stored phone is never
  // sent to the page: left blank, the server uses it (the clerk confirmed the masked number with the citizen).
  const initial = {
    fullName: match?.fullName ?? '',
    citizenId: match?.citizenId ?? (typed?.kind === 'citizenId' ? typed.value : ''),
    phone: typed?.kind === 'phone' ? typed.value : '',
    email: '',
    address: '',
    addressCommune: communeCode,
    description: '',
    notes: '',
    documents: [],
    assigneeId: intake.assignee.defaultId ?? '',
  }
  const phoneHint = match?.maskedPhone && match.citizenId && !initial.phone ? t('phoneKnown', { masked: match.maskedPhone }) : t('phoneHint')
  const documents: ReceptionDocument[] = intake.documents.map((document) => ({
    key: document.key,
    name: labels.locale === 'en' ? document.nameEn : document.nameVi,
    required: document.required,
    badges: [
      document.required ? procedureT('required') : procedureT('optional'),
      ...(document.presentOnly ? [procedureT('presentOnly')] : []),
      ...(document.copies !== null ? [procedureT('copies', { count: document.copies, countPadded: padCount(document.copies) })] : []),
    ],
  }))
  return (
    <section aria-labelledby="thong-tin-ho-so" className="rounded border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="thong-tin-ho-so" className="text-lg font-semibold text-navy-900">
        {t('title')}
      </h2>
      <dl className="mt-3 grid gap-x-6 gap-y-1 rounded bg-navy-50 px-4 py-3 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold text-slate-700">{t('procedure')}</dt>
        <dd className="font-semibold text-navy-900">{labels.name(intake)}</dd>
        <dt className="font-semibold text-slate-700">{t('deadline')}</dt>
        <dd>{labels.deadline(intake.deadline, true)}</dd>
        <dt className="font-semibold text-slate-700">{t('fee')}</dt>
        <dd>{labels.fee(intake.feeVnd)}</dd>
      </dl>
      <div className="mt-6">
        <DeskReceptionForm
          // A new person or procedure is a new form: fresh values, a fresh submission key, no old answer.
          key={`${lookup?.query.value ?? ''}|${intake.slug}|${communeCode}`}
          action={registerDeskDossierAction}
          hidden={{ communeId, procedure: intake.slug, submissionKey: randomUUID() }}
          initial={initial}
          documents={documents}
          residenceCommunes={intake.residenceCommunes}
          assigneeCandidates={intake.assignee.candidates.map((candidate) => ({
            id: candidate.id,
            label: candidate.id === actorId ? t('you', { name: candidate.fullName }) : candidate.fullName,
          }))}
          labels={{
            applicant: t('applicant'),
            fullName: t('fullName'),
            citizenId: t('citizenId'),
            phone: t('phone'),
            phoneHint,
            email: t('email'),
            optional: t('optional'),
            address: t('address'),
            addressCommune: t('addressCommune'),
            request: t('request'),
            description: t('description'),
            descriptionHint: t('descriptionHint'),
            notes: t('notes'),
            notesHint: t('notesHint'),
            documents: t('documents'),
            documentsHint: t('documentsHint'),
            noDocuments: t('noDocuments'),
            assignee: t('assigneeRole', { role: intake.assignee.role }),
            assigneeHint: intake.assignee.required ? t('assigneeHint') : t('assigneeOptionalHint'),
            assigneePlaceholder: t('assigneePlaceholder'),
            assigneeNone: t('assigneeNone'),
            submit: t('submit'),
            pending: t('pending'),
            cancel: t('cancel'),
          }}
          cancelHref="/can-bo/tiep-nhan"
        />
      </div>
    </section>
  )
}
