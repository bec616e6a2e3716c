'use client'

import { useActionState } from 'react'
import { FormMessage } from '@/components/admin/form-field'
import { buttonStyles } from '@/components/ui/button-styles'
import type { PublishState } from './editor-state'

export type PublishRow = { id: string; name: string; code: string; current: string; inFlight: string; suggested: boolean }

type Action = (state: PublishState, formData: FormData) => Promise<PublishState>

/**
 * Publish a draft and choose the procedures that switch to it (the suggested ones ticked). A plain form
 * posted to a server action; on success the server redirects to the published version.
 */
export function PublishForm({
  action,
  versionId,
  rows,
  text,
  disabled,
}: {
  action: Action
  versionId: string
  rows: PublishRow[]
  text: { caption: string; choose: string; procedure: string; current: string; inFlight: string; suggested: string; submit: string; pending: string }
  disabled: boolean
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' })
  const th = 'px-3 py-2 font-semibold'
  const td = 'px-3 py-2 align-top'
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="versionId" value={versionId} />
      <div className="overflow-x-auto rounded border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{text.caption}</caption>
          <thead className="bg-slate-100 text-slate-700">
            <tr>
              <th scope="col" className={th}>{text.choose}</th>
              <th scope="col" className={th}>{text.procedure}</th>
              <th scope="col" className={th}>{text.current}</th>
              <th scope="col" className={`${th} text-right`}>{text.inFlight}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-slate-200 has-checked:bg-navy-50">
                <td className={td}>
                  <input id={`thu-tuc-${row.id}`} type="checkbox" name="procedureIds" value={row.id} defaultChecked={row.suggested} disabled={disabled} className="size-5 accent-navy-700" />
                </td>
                <td className={`${td} min-w-64`}>
                  <label htmlFor={`thu-tuc-${row.id}`} className="font-semibold">
                    {row.name}
                  </label>
                  <span className="block font-mono text-xs text-slate-600">
                    {row.code}
                    {row.suggested ? <span className="ml-2 rounded bg-emerald-50 px-1.5 py-0.5 font-sans text-emerald-800 ring-1 ring-emerald-200">{text.suggested}</span> : null}
                  </span>
                </td>
                <td className={td}>{row.current}</td>
                <td className={`${td} text-right tabular-nums`}>{row.inFlight}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="submit" disabled={disabled || pending} className={`${buttonStyles.primary} disabled:cursor-not-allowed disabled:opacity-60`}>
        {pending ? text.pending : text.submit}
      </button>
    </form>
  )
}
