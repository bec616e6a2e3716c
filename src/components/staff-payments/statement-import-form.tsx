'use client'

import { useLocale, useTranslations } from 'next-intl'
import { useActionState, useEffect, useRef } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'
import { STATEMENT_LINE_STATUSES, type StatementParseError } from '@/domain/payments/bank-statement'
import { formatDateTime } from '@/lib/format/date'
import { formatVnd } from '@/lib/format/vnd'
import { INITIAL_IMPORT_STATE, type StatementImportState } from './statement-import-state'
import { ScrollArea } from './scroll-area'
import { StatementStatusBadge } from './statement-status-badge'

const FILE_ID = 'sao-ke-tep'

/**
 * Upload of a bank statement (multipart POST to a server action, works without JavaScript too). The result is
 * announced and focused: lines and amounts per status with the lines themselves, or — when the file is refused
 * whole — every row's error in words, so staff can correct the file.
 */
export function StatementImportForm({ communeId, action }: { communeId: string; action: (previous: StatementImportState, form: FormData) => Promise<StatementImportState> }) {
  const t = useTranslations('StaffPayments.import')
  const statuses = useTranslations('StaffPayments.statuses')
  const reasons = useTranslations('StaffPayments.reasons')
  const locale = useLocale()
  const [state, formAction, pending] = useActionState(action, INITIAL_IMPORT_STATE)
  const resultRef = useRef<HTMLDivElement>(null)
  const formRef = useRef<HTMLFormElement>(null)

  useEffect(() => {
    if (state.status === 'idle') return
    if (state.status === 'error') document.getElementById(FILE_ID)?.focus()
    else resultRef.current?.focus()
    if (state.status === 'imported') formRef.current?.reset()
  }, [state])

  const parseError = (error: StatementParseError) => {
    const value = error.value === undefined ? '' : error.value.trim() === '' ? t('parse.emptyValue') : t('parse.quoted', { value: error.value.slice(0, 60) })
    return t(`parse.${error.code}`, { row: error.row ?? 0, column: error.column ? t(`columns.${error.column}`) : '', value })
  }
  const fileError = state.status === 'error' ? (state.code === 'FILE_REQUIRED' ? t('chooseFile') : t.has(`errors.${state.code}`) ? t(`errors.${state.code}` as never) : t('errors.other')) : null

  return (
    <div className="space-y-4">
      <form ref={formRef} action={formAction} noValidate className="rounded border border-slate-200 bg-white p-4">
        <input type="hidden" name="communeId" value={communeId} />
        <label htmlFor={FILE_ID} className="block font-semibold text-slate-800">
          {t('file')}
        </label>
        {fileError ? (
          <p id={`${FILE_ID}-loi`} role="alert" className="mt-1 text-sm font-semibold text-gov-red-700">
            {fileError}
          </p>
        ) : null}
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <input
            id={FILE_ID}
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? `${FILE_ID}-loi` : undefined}
            className="block w-full max-w-md text-sm file:mr-3 file:rounded file:border file:border-navy-700 file:bg-white file:px-3 file:py-1.5 file:font-semibold file:text-navy-800"
          />
          <button type="submit" disabled={pending} className={buttonStyles.primary}>
            {pending ? t('pending') : t('submit')}
          </button>
        </div>
      </form>

      <div ref={resultRef} tabIndex={-1} aria-live="polite" className="focus:outline-none">
        {state.status === 'imported' ? (
          <section role="status" aria-labelledby="ket-qua-nhap" className="rounded border-l-4 border-emerald-600 bg-emerald-50 p-4" data-testid="import-result">
            <h3 id="ket-qua-nhap" className="font-semibold text-emerald-950">
              {t('resultTitle', { file: state.fileName })}
            </h3>
            <p className="mt-1 text-sm text-emerald-950">{t('resultLead', { count: state.summary.total.count, amount: formatVnd(state.summary.total.amountVnd, locale) })}</p>
            <dl className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-5">
              {STATEMENT_LINE_STATUSES.map((status) => (
                <div key={status} data-status={status} className="rounded border border-slate-200 bg-white p-2">
                  <StatementStatusBadge as="dt" status={status} label={statuses(status)} />
                  <dd className="mt-1 text-sm font-semibold text-slate-900" data-count={state.summary.byStatus[status].count}>
                    {t('statusCount', { count: state.summary.byStatus[status].count })}
                  </dd>
                  <dd className="text-xs text-slate-700 tabular-nums">{formatVnd(state.summary.byStatus[status].amountVnd, locale)}</dd>
                </div>
              ))}
            </dl>
            {state.lines.length > 0 ? (
              <ScrollArea label={t('lines')} className="mt-3 max-h-96">
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">{t('lines')}</caption>
                  <thead className="sticky top-0 bg-slate-100 whitespace-nowrap text-slate-700">
                    <tr>
                      <th scope="col" className="px-2 py-1.5 font-semibold">{t('row')}</th>
                      <th scope="col" className="px-2 py-1.5 font-semibold">{t('columns.bankTxnId')}</th>
                      <th scope="col" className="px-2 py-1.5 font-semibold">{t('columns.bookedAt')}</th>
                      <th scope="col" className="px-2 py-1.5 text-right font-semibold">{t('columns.amountVnd')}</th>
                      <th scope="col" className="px-2 py-1.5 font-semibold">{t('dossier')}</th>
                      <th scope="col" className="min-w-64 px-2 py-1.5 font-semibold">{t('result')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {state.lines.map((line) => (
                      <tr key={`${line.row}-${line.bankTxnId}`} className="border-t border-slate-200 align-top" data-txn={line.bankTxnId} data-status={line.status}>
                        <td className="px-2 py-1.5 tabular-nums">{line.row}</td>
                        <td className="px-2 py-1.5 font-mono whitespace-nowrap">{line.bankTxnId}</td>
                        <td className="px-2 py-1.5 whitespace-nowrap">{formatDateTime(new Date(line.bookedAt))}</td>
                        <td className="px-2 py-1.5 text-right whitespace-nowrap tabular-nums">{formatVnd(line.amountVnd, locale)}</td>
                        <td className="px-2 py-1.5 font-mono whitespace-nowrap">{line.dossierCode ?? '—'}</td>
                        <td className="px-2 py-1.5">
                          <StatementStatusBadge status={line.status} label={statuses(line.status)} /> <span>{reasons(line.reason)}</span>
                          <span className="block text-xs break-words text-slate-600">{line.description}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollArea>
            ) : null}
            {state.lineCount > state.lines.length ? <p className="mt-2 text-sm">{t('moreLines', { shown: state.lines.length })}</p> : null}
          </section>
        ) : null}
        {state.status === 'refused' ? (
          <section role="alert" aria-labelledby="tep-bi-tu-choi" className="rounded border-l-4 border-gov-red-700 bg-gov-red-50 p-4 text-gov-red-800" data-testid="import-errors">
            <h3 id="tep-bi-tu-choi" className="font-semibold">
              {t('refusedTitle', { file: state.fileName })}
            </h3>
            <p className="mt-1 text-sm">{t('refusedLead')}</p>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {state.errors.map((error, index) => (
                <li key={`${error.row}-${error.code}-${error.column ?? ''}-${index}`}>{parseError(error)}</li>
              ))}
            </ul>
            {state.errorCount > state.errors.length ? <p className="mt-2 text-sm">{t('moreErrors', { count: state.errorCount - state.errors.length })}</p> : null}
          </section>
        ) : null}
      </div>
    </div>
  )
}
