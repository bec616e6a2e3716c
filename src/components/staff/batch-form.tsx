'use client'

import { useActionState, useState } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'

export type BatchActionResult =
  | { ok: true; applied: number; total: number; failures: { code: string; reason: string }[] }
  | { ok: false; code: string }

export type BatchOffer = { action: string; label: string; requiresAssignee: boolean; candidates: { id: string; fullName: string }[] }

/**
 * The batch form the queue's checkboxes belong to (`form="batch-form"`): one action, an assignee and a
 * reason given once, applied to every selected dossier, each in its own transaction on the server.
 */
export function BatchForm({
  offers,
  submitAction,
  labels,
}: {
  offers: BatchOffer[]
  submitAction: (previous: BatchActionResult | null, form: FormData) => Promise<BatchActionResult>
  labels: { title: string; action: string; assignee: string; reason: string; submit: string; pending: string; placeholder: string; summary: string; changed: string; refused: string; nothingSelected: string; failed: string }
}) {
  const [result, formAction, pending] = useActionState(submitAction, null)
  const [action, setAction] = useState('')
  const offer = offers.find((candidate) => candidate.action === action)
  return (
    <form id="batch-form" action={formAction} className="rounded border border-slate-200 bg-white p-4">
      <h2 className="font-semibold text-navy-900">{labels.title}</h2>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="batch-action" className="block text-sm font-semibold text-slate-800">{labels.action}</label>
          <select id="batch-action" name="action" required value={action} onChange={(event) => setAction(event.target.value)} className="mt-1 rounded border border-slate-400 bg-white px-3 py-2">
            <option value="" disabled>
              {labels.placeholder}
            </option>
            {offers.map((candidate) => (
              <option key={candidate.action} value={candidate.action}>{candidate.label}</option>
            ))}
          </select>
        </div>
        {offers.some((candidate) => candidate.requiresAssignee) ? (
          <div>
            <label htmlFor="batch-assignee" className="block text-sm font-semibold text-slate-800">{labels.assignee}</label>
            <select id="batch-assignee" name="assigneeId" defaultValue="" disabled={!offer?.requiresAssignee} className="mt-1 rounded border border-slate-400 bg-white px-3 py-2 disabled:bg-slate-100">
              <option value="">{labels.placeholder}</option>
              {(offer?.candidates ?? []).map((candidate) => (
                <option key={candidate.id} value={candidate.id}>{candidate.fullName}</option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="min-w-64 flex-1">
          <label htmlFor="batch-reason" className="block text-sm font-semibold text-slate-800">{labels.reason}</label>
          <input id="batch-reason" name="reason" maxLength={2000} className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
        </div>
        <button type="submit" disabled={pending} className={buttonStyles.navy}>{pending ? labels.pending : labels.submit}</button>
      </div>
      <div aria-live="polite">
        {result?.ok ? (
          <div className="mt-3 text-sm" role="status">
            <p className="font-semibold">{labels.summary.replace('{applied}', String(result.applied)).replace('{total}', String(result.total))}</p>
            <ul className="mt-1 list-disc pl-5">
              {result.failures.map((failure) => (
                <li key={failure.code}>{(failure.reason === 'CONFLICT' ? labels.changed : labels.refused).replace('{code}', failure.code).replace('{reason}', failure.reason)}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {result && !result.ok ? (
          <p role="alert" className="mt-3 text-sm text-gov-red-800">{result.code === 'INVALID_INPUT' ? labels.nothingSelected : labels.failed}</p>
        ) : null}
      </div>
    </form>
  )
}
