import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { z } from 'zod'
import { catalogueLabels } from '@/components/catalogue/catalogue-labels'
import { procedureHref } from '@/components/catalogue/catalogue-href'
import { DynamicFormFields } from '@/components/submission/dynamic-form-fields'
import { fileSlotTexts } from '@/components/submission/file-slot-texts'
import { SubmissionForm } from '@/components/submission/submission-form'
import { Breadcrumb } from '@/components/ui/breadcrumb'
import { Notice } from '@/components/ui/notice'
import { ATTACHMENT_LIMITS, megabytes } from '@/domain/attachments/limits'
import { localDateOf } from '@/domain/calendar/working-days'
import { isAppError } from '@/domain/errors'
import { errorCasesOf, errorKeyOf } from '@/domain/forms/field-error-cases'
import { fieldIssuesOf, formSchema, type FormFieldIssue } from '@/domain/forms/form-schema'
import { attachmentIdsOf, fieldId, fileFieldSlots } from '@/domain/forms/form-values'
import { visibilityStyles } from '@/domain/forms/visibility-styles'
import { formatDateTime } from '@/lib/format/date'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { submittedDossierOfDraft } from '@/server/dossier/submit-online'
import { listDraftFiles } from '@/server/drafts/draft-files'
import { requestCommuneChoices } from '@/server/catalogue/commune-choices'
import { loadDraft, type DraftView } from '@/server/drafts/drafts'
import { autosaveDraftAction, discardDraftAction, submitDraftAction } from '../actions'

type Props = { params: Promise<{ slug: string; draftId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

const DraftId = z.uuid()
const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value])

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { draftId } = await params
  const actorless = DraftId.safeParse(draftId)
  const t = await getTranslations('Submission')
  return { title: actorless.success ? t('apply') : undefined }
}

/** The file limit of the file field posted under `name` (`tep1`, `giayTo.0.banSao`). */
function maxFilesOf(definition: DraftView['definition'], name: string): number {
  const [key, innerKey] = errorKeyOf(name).split('.')
  const field = definition.sections.flatMap((section) => section.fields).find((candidate) => candidate.key === key)
  const leaf = field?.type === 'group' ? field.fields.find((inner) => inner.key === innerKey) : field
  return leaf?.type === 'file' ? leaf.maxFiles : 1
}

/** Fields and their labels by index-free path, for the error summary. */
function labelsByKey(draft: DraftView, locale: 'vi' | 'en'): Record<string, string> {
  const labels: Record<string, string> = {}
  const label = (item: { labelVi: string; labelEn: string }) => (locale === 'vi' ? item.labelVi : item.labelEn)
  for (const field of draft.definition.sections.flatMap((section) => section.fields)) {
    labels[field.key] = label(field)
    if (field.type === 'address') {
      labels[`${field.key}.line`] = label(field)
      labels[`${field.key}.communeCode`] = label(field)
    }
    if (field.type === 'group') {
      for (const inner of field.fields) {
        labels[`${field.key}.${inner.key}`] = `${label(field)} — ${label(inner)}`
        if (inner.type === 'address') {
          labels[`${field.key}.${inner.key}.line`] = `${label(field)} — ${label(inner)}`
          labels[`${field.key}.${inner.key}.communeCode`] = `${label(field)} — ${label(inner)}`
        }
      }
    }
  }
  return labels
}

/** Step 2: the form of the procedure, filled from the citizen's draft; posts to submitDraftAction. */
export default async function ApplicationFormPage({ params, searchParams }: Props) {
  const { slug, draftId: rawDraftId } = await params
  const draftId = DraftId.safeParse(rawDraftId)
  if (!draftId.success) notFound()
  const actor = await requirePagePermission('dossier.submit', `/thu-tuc/${slug}/nop-ho-so/${draftId.data}`)

  let draft: DraftView
  try {
    draft = await loadDraft(db(), { actor, draftId: draftId.data })
  } catch (error) {
    if (!isAppError(error) || error.code !== 'NOT_FOUND') throw error
    const earlier = await submittedDossierOfDraft(db(), { actor, draftId: draftId.data })
    if (earlier) redirect(`/thu-tuc/${encodeURIComponent(slug)}/nop-ho-so/da-nop/${encodeURIComponent(earlier.code)}`)
    notFound()
  }
  if (draft.procedure.slug !== slug) redirect(`/thu-tuc/${encodeURIComponent(draft.procedure.slug)}/nop-ho-so/${draft.id}`)

  const [query, locale, t, errorsT, labels, communes, files, fileTexts] = await Promise.all([
    searchParams,
    getLocale(),
    getTranslations('Submission'),
    getTranslations('FormErrors'),
    catalogueLabels(),
    requestCommuneChoices(),
    listDraftFiles(db(), { actor, draftId: draft.id }),
    fileSlotTexts(),
  ])
  const lang = locale === 'en' ? 'en' : 'vi'
  const today = localDateOf(new Date())
  const communeCodes = communes.map((commune) => commune.code)

  // Errors: after a refused submission the page checks the saved values again with the same schema.
  const issues: Record<string, FormFieldIssue[]> = {}
  if (query['kiem-tra'] === '1') {
    const parsed = formSchema(draft.definition, { today, communeCodes: new Set(communeCodes) }).safeParse(draft.values)
    if (!parsed.success) Object.assign(issues, fieldIssuesOf(parsed.error))
  }
  const errors: Record<string, string[]> = {}
  for (const [path, found] of Object.entries(issues)) errors[path] = found.map((issue) => errorsT(issue.code, { min: 0, max: 0, bound: 'between', of: 'entries', ...issue.params }))
  // Files refused at the last post (by name, code and file name), for file fields of this form only.
  const fileFieldNames = fileFieldSlots(draft.definition, draft.values)
  const fileProblems = list(query['tep-loi']).flatMap((item) => {
    const [name = '', code = '', file = ''] = item.split('~')
    if (!fileFieldNames.has(name)) return []
    if (!file) return [{ name, sentence: errorsT('FILE') }]
    const template = Object.hasOwn(fileTexts.errors, code) ? fileTexts.errors[code]! : errorsT('FILE')
    const reason = template
      .replace('{maxFileMb}', String(megabytes(ATTACHMENT_LIMITS.maxFileBytes)))
      .replace('{maxDossierMb}', String(megabytes(ATTACHMENT_LIMITS.maxDossierBytes)))
      .replace('{types}', 'PDF, JPG, PNG')
      .replace('{maxFiles}', String(maxFilesOf(draft.definition, name)))
    return [{ name, sentence: t('form.fileError', { name: file.slice(0, 100), reason }) }]
  })
  for (const problem of fileProblems) (errors[problem.name] ??= []).push(problem.sentence)

  // Sentences for the browser's check of the same schema (every error each field can have).
  const errorTexts: Record<string, Record<string, string>> = {}
  for (const [key, cases] of Object.entries(errorCasesOf(draft.definition))) {
    errorTexts[key] = Object.fromEntries(cases.map((item) => [item.code, errorsT(item.code, { min: 0, max: 0, bound: 'between', of: 'entries', ...item.params })]))
  }
  const fieldLabels = labelsByKey(draft, lang)
  const serverSummary = Object.entries(errors).map(([path, sentences]) => {
    const label = fieldLabels[errorKeyOf(path)]
    const text = sentences.join(' ')
    return { href: path ? `#${fieldId(path)}` : '#', text: label ? `${label}: ${text}` : text }
  })

  // Files on the draft by the field that names them; a slot's files not yet in the saved values still show.
  const byId = new Map(files.map((file) => [file.id, file]))
  const filesByName: Record<string, typeof files> = {}
  const named = new Set<string>()
  for (const slot of attachmentIdsOf(draft.definition, draft.values)) {
    filesByName[slot.name] = slot.ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []))
    for (const id of slot.ids) named.add(id)
  }
  for (const field of draft.definition.sections.flatMap((section) => section.fields)) {
    if (field.type !== 'file') continue
    const unnamed = files.filter((file) => file.documentKey === field.documentKey && !named.has(file.id))
    filesByName[field.key] = [...(filesByName[field.key] ?? []), ...unnamed]
  }

  const name = labels.name({ nameVi: draft.procedure.nameVi, nameEn: draft.procedure.nameEn ?? draft.procedure.nameVi })
  const css = visibilityStyles(draft.definition)
  const startHref = `/thu-tuc/${encodeURIComponent(slug)}/nop-ho-so?xa=${draft.commune.code}`

  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
      {css ? <style>{css}</style> : null}
      <Breadcrumb label={t('breadcrumb')} crumbs={[{ label: t('home'), href: '/' }, { label: name, href: procedureHref(slug) }, { label: t('apply') }]} />
      <h1 className="mt-4 text-2xl font-bold text-navy-900 sm:text-3xl">{name}</h1>
      <p className="mt-2 text-slate-800">
        {t('form.handledBy', { commune: draft.commune.name })}{' '}
        <Link href={startHref} className="font-semibold text-navy-800 underline underline-offset-2">
          {t('form.changeCommune')}
        </Link>
      </p>
      <p className="mt-1 text-sm text-slate-700">{t('form.expected', { deadline: labels.deadline(draft.procedure.deadline), fee: labels.fee(draft.procedure.feeVnd) })}</p>
      <p className="mt-1 text-sm text-slate-700">{t('form.intro')}</p>
      <div className="mt-4 space-y-3">
        {query['da-luu'] === '1' && fileProblems.length === 0 ? (
          <Notice tone="success" role="status">
            {t('form.saved', { time: formatDateTime(draft.updatedAt).slice(-5) })}
          </Notice>
        ) : null}
        {query.loi === 'cap-nhat' ? <Notice tone="warning" role="alert">{t('form.conflict')}</Notice> : null}
        {query.loi === 'he-thong' ? <Notice tone="error" role="alert">{t('form.failed')}</Notice> : null}
      </div>
      <div className="mt-6">
        <SubmissionForm
          action={submitDraftAction.bind(null, slug, draft.id)}
          autosave={autosaveDraftAction.bind(null, draft.id)}
          definition={draft.definition}
          communeCodes={communeCodes}
          today={today}
          serverSummary={serverSummary}
          texts={{
            submit: t('form.submit'),
            submitting: t('form.submitting'),
            saveDraft: t('form.saveDraft'),
            saving: t('form.saving'),
            saved: t('form.saved', { time: '{time}' }),
            saveFailed: t('form.saveFailed'),
            signedOut: t('form.signedOut'),
            uploadPending: t('form.uploadPending'),
            errorsTitle: t('form.errorsTitle', { count: '{count}' }),
            errors: errorTexts,
            labels: fieldLabels,
          }}
        >
          <DynamicFormFields
            definition={draft.definition}
            values={draft.values}
            errors={errors}
            locale={lang}
            communes={communes}
            draftId={draft.id}
            files={filesByName}
            fileTexts={fileTexts}
            texts={{
              required: t('form.required'),
              choose: t('form.choose'),
              chooseCommune: t('form.chooseCommune'),
              addressLine: t('form.addressLine'),
              addressCommune: t('form.addressCommune', { province: draft.commune.provinceName }),
              dateHint: t('form.dateHint'),
              datePlaceholder: t('form.datePlaceholder'),
              onlyWhen: (condition) => t('form.onlyWhen', { condition }),
              entry: (group, number) => t('form.entry', { group, number }),
              addEntry: (group) => t('form.addEntry', { group }),
              removeEntry: (number) => t('form.removeEntry', { number }),
            }}
          />
        </SubmissionForm>
      </div>
      {/* Two steps, without JavaScript: the draft and its files cannot be brought back. */}
      <details className="mt-8 border-t border-slate-300 pt-4">
        <summary className="min-h-11 cursor-pointer font-semibold text-gov-red-700 underline underline-offset-2">{t('form.discard')}</summary>
        <form action={discardDraftAction.bind(null, slug, draft.id)} className="mt-3 rounded border border-gov-red-700 bg-gov-red-50 p-4">
          <p className="text-gov-red-800">{t('form.discardQuestion')}</p>
          <button type="submit" className="mt-3 min-h-11 rounded bg-gov-red-700 px-4 font-semibold text-white hover:bg-gov-red-800">
            {t('form.discardConfirmButton')}
          </button>
        </form>
      </details>
    </div>
  )
}
