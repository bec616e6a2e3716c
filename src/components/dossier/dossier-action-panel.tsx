import { getLocale, getTranslations } from 'next-intl/server'
import { Notice } from '@/components/ui/notice'
import { ATTACHMENT_LIMITS, megabytes } from '@/domain/attachments/limits'
import { remindsOutstandingFee } from '@/domain/fees/payment-due'
import { formatDate } from '@/lib/format/date'
import { formatVnd } from '@/lib/format/vnd'
import type { ActionResult } from '@/lib/action-result'
import type { ActionOffer } from '@/server/dossier/dossier-actions'
import type { DossierView } from '@/server/dossier/get-dossier'
import { TransitionForm, type TransitionFormProps } from './transition-form'

type Props = {
  dossier: DossierView
  offers: ActionOffer[]
  submitAction: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>
  /** Bounds for a new appointment (apology letter), when the dossier has a due date. */
  dueBounds: { min: string; suggested: string } | null
  /** The dossier is late or due within a working day: the apology letter is offered first, open. */
  lateOffer: boolean
  /** The action just applied (post/redirect/get), for the confirmation. */
  done: string | null
  /** The dossier's page for this viewer (reload after a conflict). */
  dossierHref: string
  /** Fees still owed (the payment view's figure): an action handing over the result reminds staff to collect them. */
  outstandingVnd?: number
}

/**
 * The actions the viewer may take now, each a form asking for exactly the inputs it requires. Nothing is
 * decided here: the offers come from the workflow engine (server/dossier/dossier-actions.ts).
 */
export async function DossierActionPanel({ dossier, offers, submitAction, dueBounds, lateOffer, done, dossierHref, outstandingVnd = 0 }: Props) {
  const [t, verbs, errors, attachments, locale] = await Promise.all([getTranslations('Dossier.act'), getTranslations('Dossier.verb'), getTranslations('Dossier.act.error'), getTranslations('Attachments'), getLocale()])
  const verb = (action: string) => (verbs.has(action) ? verbs(action) : verbs('other'))
  const openRequest = dossier.supplementRequests.findLast((request) => request.respondedAt === null)
  const labels = (action: string): TransitionFormProps['labels'] => ({
    submit: t('submit', { action: verb(action) }),
    pending: t('pending'),
    reason: t('reason'),
    reasonHint: t('reasonHint'),
    chooseAssignee: t('chooseAssignee'),
    chooseAssigneePlaceholder: t('chooseAssigneePlaceholder'),
    files: t('files'),
    resultFiles: t('resultFiles'),
    filesHint: attachments('accepted', { maxFileMb: megabytes(ATTACHMENT_LIMITS.maxFileBytes), maxDossierMb: megabytes(ATTACHMENT_LIMITS.maxDossierBytes), maxFiles: ATTACHMENT_LIMITS.maxFilesPerUpload }),
    fileForItem: t.raw('fileForItem') as string,
    newDueDate: t('newDueDate'),
    newDueDateHint: t.raw('newDueDateHint') as string,
    items: t('items'),
    itemsHint: t('itemsHint'),
    itemLabel: t.raw('itemLabel') as string,
    itemNote: t.raw('itemNote') as string,
    failed: t('failed'),
    conflict: t('conflict'),
    reload: t('reload'),
    forbidden: t('forbidden'),
    invalidTransition: t('invalidTransition'),
    errors: Object.fromEntries(['REQUIRED', 'NOT_LATER', 'NOT_WORKING_DAY', 'NOT_COMMUNE_STAFF', 'FILE_TYPE', 'FILE_TOO_LARGE', 'DOSSIER_TOO_LARGE', 'TOO_MANY_FILES', 'EMPTY_FILE', 'UNKNOWN', 'NOT_EXPECTED', 'TOO_FAR', 'WRONG_ROLE'].map((code) => [code, errors(code)])),
  })
  // The apology letter first when the dossier is or will soon be late.
  const ordered = lateOffer ? [...offers].sort((a, b) => Number(b.clock === 'EXTEND') - Number(a.clock === 'EXTEND')) : offers

  return (
    <section aria-labelledby="xu-ly" className="mt-8 max-w-3xl">
      <h2 id="xu-ly" className="text-lg font-semibold text-navy-900">
        {t('title')}
      </h2>
      {done ? (
        <div className="mt-3">
          <Notice tone="success">{t('done', { action: verb(done) })}</Notice>
        </div>
      ) : null}
      {lateOffer && offers.some((offer) => offer.clock === 'EXTEND') ? (
        <div className="mt-3">
          <Notice tone="warning">{t('lateOffer')}</Notice>
        </div>
      ) : null}
      {ordered.length === 0 ? <p className="mt-2 text-sm text-slate-700">{t('none')}</p> : null}
      <div className="mt-3 space-y-3">
        {ordered.map((offer, index) => (
          <details
            key={offer.action}
            open={ordered.length === 1 || (lateOffer && offer.clock === 'EXTEND') || (index === 0 && !lateOffer)}
            className="rounded border border-slate-300 bg-white"
            data-action={offer.action}
          >
            <summary className="cursor-pointer px-4 py-3 font-semibold text-navy-900">{verb(offer.action)}</summary>
            <div className="border-t border-slate-200 px-4 py-4">
              {remindsOutstandingFee(offer.toState, outstandingVnd) ? (
                <div className="mb-3" data-testid="fee-outstanding">
                  <Notice tone="warning">{t('feeOutstanding', { amount: formatVnd(outstandingVnd, locale) })}</Notice>
                </div>
              ) : null}
              <TransitionForm
                dossierRef={dossier.code}
                reloadHref={dossierHref}
                action={offer.action}
                expectedVersion={dossier.version}
                requires={offer.requires}
                acceptsFiles={offer.acceptsFiles}
                candidates={offer.candidates}
                answerItems={offer.clock === 'RESUME' ? openRequest?.items.map((item) => ({ key: item.key, label: item.label })) : undefined}
                dueDate={
                  offer.requires.includes('due_date') && dueBounds && dossier.dueAt
                    ? { min: dueBounds.min, suggested: dueBounds.suggested, currentLabel: formatDate(dossier.dueAt) }
                    : undefined
                }
                itemSuggestions={offer.requires.includes('items') ? dossier.requiredDocuments.map((document) => document.nameVi) : undefined}
                submitAction={submitAction}
                labels={labels(offer.action)}
              />
            </div>
          </details>
        ))}
      </div>
    </section>
  )
}
