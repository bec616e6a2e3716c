import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { cache } from 'react'
import { AdminPageHeader } from '@/components/admin/admin-page-header'
import { ProcedureFeeForm, type ChoiceGroup } from '@/components/admin/procedure-fees/fee-form'
import { ProcedureFeeHistory } from '@/components/admin/procedure-fees/fee-history'
import { feeText } from '@/components/admin/procedure-fees/fee-text'
import { procedureFeeHref, PROCEDURE_FEES_HREF } from '@/components/admin/procedure-fees/hrefs'
import { Notice } from '@/components/ui/notice'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { isAppError } from '@/domain/errors'
import { FEE_MOMENTS, FEE_NOTE_MAX, FEE_RULE_KINDS } from '@/domain/fees/procedure-fee-change'
import { getProcedureFee, type ProcedureFeeDetail } from '@/server/admin/procedure-fees'
import { getActor, requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { updateProcedureFeeAction } from '../actions'

type Params = Promise<{ slug: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

// One query per request for the title and the page.
const fetchProcedure = cache((actor: Actor, slug: string) => getProcedureFee(db(), { actor, slug }))

async function loadProcedure(actor: Actor, slug: string) {
  try {
    return await fetchProcedure(actor, slug)
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound()
    throw error
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ slug }, actor, t, locale] = await Promise.all([params, getActor(), getTranslations('AdminProcedures'), getLocale()])
  // The page itself answers "not signed in" and "not allowed"; the title only names what may be shown.
  const procedure = actor && can(actor, 'admin.configure') ? await fetchProcedure(actor, decodeURIComponent(slug)).catch(() => null) : null
  return { title: procedure ? t('detail.metaTitle', { name: locale === 'en' ? procedure.nameEn : procedure.nameVi }) : t('list.metaTitle'), robots: { index: false } }
}

/** The form's values from the version in force. */
function initialValues({ fee }: ProcedureFeeDetail) {
  const rule = fee.feeRule
  return {
    feeVnd: fee.feeVnd === null ? '' : String(fee.feeVnd),
    feeNote: fee.feeNote ?? '',
    feeMoment: fee.feeMoment,
    ruleKind: rule.kind,
    copiesField: 'copiesField' in rule ? rule.copiesField : '',
    groupField: 'groupField' in rule ? rule.groupField : '',
    pagesField: 'pagesField' in rule ? rule.pagesField : '',
    feeExemptions: fee.feeExemptions.length > 0 ? JSON.stringify(fee.feeExemptions, null, 2) : '',
  }
}

/** One procedure's fee: the form that publishes a new version with a changed fee, and the fee of every version. */
export default async function ProcedureFeePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const slug = decodeURIComponent((await params).slug)
  const actor = await requirePagePermission('admin.configure', procedureFeeHref(slug))
  const procedure = await loadProcedure(actor, slug)
  const [t, admin, locale, query] = await Promise.all([getTranslations('AdminProcedures'), getTranslations('Admin'), getLocale(), searchParams])
  const name = locale === 'en' ? procedure.nameEn : procedure.nameVi
  const label = (key: string) => {
    const labels = procedure.fieldLabels[key]
    return labels ? `${locale === 'en' ? labels.en : labels.vi} (${key})` : key
  }
  const { numbers, groups, conditions } = procedure.formFields
  const groupLabel = (key: string) => t('detail.inGroup', { group: label(key) })
  const copiesChoices: ChoiceGroup[] = [
    ...(numbers.length > 0 ? [{ label: t('detail.topLevel'), options: numbers.map((key) => ({ value: key, label: label(key) })) }] : []),
    // A group's copies field has the same key wherever it is; each is offered once.
    ...groups
      .map((group) => ({ label: groupLabel(group.key), options: group.numbers.filter((key) => !numbers.includes(key)).map((key) => ({ value: key, label: label(key) })) }))
      .filter((group) => group.options.length > 0),
  ]
  const pagesChoices: ChoiceGroup[] = groups.map((group) => ({ label: groupLabel(group.key), options: group.numbers.map((key) => ({ value: key, label: label(key) })) }))
  const saved = typeof query['da-luu'] === 'string' ? query['da-luu'] : null
  const factClass = 'grid grid-cols-[9rem_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm'

  return (
    <>
      <AdminPageHeader
        current="procedures"
        crumbs={[{ label: admin('tabs.label') }, { label: t('list.title'), href: PROCEDURE_FEES_HREF }, { label: name }]}
        title={name}
        lead={t('detail.lead', { code: procedure.nationalCode ?? procedure.slug, field: procedure.field, version: procedure.version })}
      />
      <div className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-6">
        {saved ? (
          <Notice tone="success" role="status">
            {t('detail.saved', { version: saved })}
          </Notice>
        ) : null}
        {query['khong-doi'] === '1' ? <Notice role="status">{t('detail.unchanged')}</Notice> : null}
        {procedure.unverifiedFee.length > 0 ? <Notice tone="warning">{t('detail.unverifiedNotice', { fields: procedure.unverifiedFee.join(', ') })}</Notice> : null}

        <div className="grid grid-cols-1 items-start gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <section aria-labelledby="thay-doi-le-phi" className="rounded border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
            <h2 id="thay-doi-le-phi" className="text-lg font-bold text-navy-900">
              {t('detail.formTitle')}
            </h2>
            <p className="mt-1 mb-5 text-sm text-slate-700">{t('detail.formLead')}</p>
            <ProcedureFeeForm
              action={updateProcedureFeeAction}
              slug={procedure.slug}
              versionId={procedure.versionId}
              initial={initialValues(procedure)}
              moments={FEE_MOMENTS.map((value) => ({ value, label: t(`moments.${value}`) }))}
              rules={FEE_RULE_KINDS.map((value) => ({ value, label: t(`rules.${value}`) }))}
              copiesChoices={copiesChoices}
              groupChoices={groups.map((group) => ({ value: group.key, label: label(group.key) }))}
              pagesChoices={pagesChoices}
              noteMax={FEE_NOTE_MAX}
              labels={{
                feeVnd: t('detail.feeVnd'),
                feeVndHint: t('detail.feeVndHint'),
                feeNote: t('detail.feeNote'),
                feeNoteHint: t('detail.feeNoteHint'),
                optional: t('detail.optional'),
                feeMoment: t('detail.feeMoment'),
                ruleKind: t('detail.ruleKind'),
                ruleFields: t('detail.ruleFields'),
                ruleFieldsHint: t('detail.ruleFieldsHint'),
                copiesField: t('detail.copiesField'),
                groupField: t('detail.groupField'),
                pagesField: t('detail.pagesField'),
                noField: t('detail.noField'),
                feeExemptions: t('detail.feeExemptions'),
                feeExemptionsHint: t('detail.feeExemptionsHint', { fields: conditions.join(', ') || '—' }),
                save: t('detail.save'),
                pending: t('detail.pending'),
                cancel: t('detail.cancel'),
              }}
              cancelHref={PROCEDURE_FEES_HREF}
            />
          </section>

          <section aria-labelledby="le-phi-dang-ap-dung" className="space-y-4 rounded border border-slate-200 bg-white p-5 shadow-sm" data-testid="current-fee">
            <h2 id="le-phi-dang-ap-dung" className="text-lg font-bold text-navy-900">
              {t('detail.current')}
            </h2>
            <dl className={factClass}>
              <dt className="text-slate-600">{t('detail.historyColumns.version')}</dt>
              <dd className="tabular-nums">{procedure.version}</dd>
              <dt className="text-slate-600">{t('list.columns.fee')}</dt>
              <dd className="font-semibold tabular-nums">{feeText(procedure, t, locale)}</dd>
              <dt className="text-slate-600">{t('list.columns.moment')}</dt>
              <dd>{t(`moments.${procedure.feeMoment}`)}</dd>
              <dt className="text-slate-600">{t('list.columns.rule')}</dt>
              <dd>{t(`rules.${procedure.ruleKind}`)}</dd>
              <dt className="text-slate-600">{t('list.columns.exemptions')}</dt>
              <dd>
                {procedure.fee.feeExemptions.length > 0 ? (
                  <ul className="list-disc space-y-1 pl-4">
                    {procedure.fee.feeExemptions.map((exemption, index) => (
                      <li key={index}>{locale === 'en' ? exemption.reasonEn : exemption.reasonVi}</li>
                    ))}
                  </ul>
                ) : (
                  t('list.exemptionCount', { count: 0 })
                )}
              </dd>
              {procedure.fee.feeNote ? (
                <>
                  <dt className="text-slate-600">{t('detail.feeNote')}</dt>
                  <dd className="break-words">{procedure.fee.feeNote}</dd>
                </>
              ) : null}
            </dl>
          </section>
        </div>

        <section aria-labelledby="lich-su-le-phi">
          <div className="mb-3 border-b-2 border-navy-800 pb-2">
            <h2 id="lich-su-le-phi" className="text-xl font-bold text-navy-900">
              {t('detail.history')}
            </h2>
            <p className="mt-1 text-sm text-slate-700">{t('detail.historyLead')}</p>
          </div>
          <ProcedureFeeHistory versions={procedure.history} caption={t('detail.history')} />
        </section>
      </div>
    </>
  )
}
