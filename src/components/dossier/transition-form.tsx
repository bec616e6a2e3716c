'use client'

import { useActionState, useId } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'
import type { ActionResult } from '@/lib/action-result'

/** The inputs a workflow action asks for (domain/workflow TransitionRequirement), rendered as form fields. */
export type TransitionFormProps = {
  dossierRef: string
  /** Where "reload" goes when the dossier changed meanwhile (the dossier's own page). */
  reloadHref: string
  action: string
  expectedVersion: number
  requires: readonly ('reason' | 'assignee' | 'attachment' | 'due_date' | 'items')[]
  /**
   * The action takes files (domain/workflow `acceptsFiles`). With 'attachment' in `requires` they are
   * required; otherwise optional — the electronic copy of the result on the return.
   */
  acceptsFiles?: boolean
  candidates: { id: string; fullName: string }[] | null
  /** For a supplement answer: one file slot per requested item. */
  answerItems?: { key: string; label: string }[]
  /** For a new appointment: the earliest allowed and the suggested date (yyyy-MM-dd). */
  dueDate?: { min: string; suggested: string; currentLabel: string }
  /** Suggestions for supplement items (the procedure's required documents). */
  itemSuggestions?: string[]
  submitAction: (previous: ActionResult | null, form: FormData) => Promise<ActionResult>
  labels: {
    submit: string
    pending: string
    reason: string
    reasonHint: string
    chooseAssignee: string
    chooseAssigneePlaceholder: string
    files: string
    /** The optional file input of an action that accepts files without requiring them. */
    resultFiles: string
    /** Accepted types and size limits, under the optional file input. */
    filesHint: string
    fileForItem: string
    newDueDate: string
    newDueDateHint: string
    items: string
    itemsHint: string
    itemLabel: string
    itemNote: string
    failed: string
    conflict: string
    reload: string
    forbidden: string
    invalidTransition: string
    errors: Record<string, string>
  }
}

const ITEM_ROWS = 5
const ACCEPTED_FILES = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png'

/**
 * One workflow action as a form: hidden dossier code, action and the version the person is looking at (a
 * stale version is refused by the server), exactly the inputs the action requires, and an optional file
 * input where the action accepts files without requiring them. Works without JavaScript (a plain POST to
 * the server action); with it, errors show next to their field.
 */
export function TransitionForm(props: TransitionFormProps) {
  const { labels, requires } = props
  const [result, formAction, pending] = useActionState(props.submitAction, null)
  const id = useId()
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {}
  const errorFor = (field: string) => {
    const code = fieldErrors[field]?.[0]
    return code ? (labels.errors[code] ?? code) : null
  }
  const described = (field: string) => (errorFor(field) ? `${id}-${field}-error` : undefined)
  const fieldError = (field: string) => {
    const message = errorFor(field)
    return message ? (
      <p id={`${id}-${field}-error`} className="mt-1 text-sm text-gov-red-800">
        {message}
      </p>
    ) : null
  }
  const general =
    result && !result.ok
      ? result.code === 'CONFLICT'
        ? labels.conflict
        : result.code === 'FORBIDDEN' || result.code === 'NOT_FOUND'
          ? labels.forbidden
          : result.code === 'INVALID_TRANSITION'
            ? labels.invalidTransition
            : labels.failed
      : null

  return (
    <form action={formAction} encType="multipart/form-data" className="space-y-4" noValidate>
      <input type="hidden" name="dossierRef" value={props.dossierRef} />
      <input type="hidden" name="action" value={props.action} />
      <input type="hidden" name="expectedVersion" value={props.expectedVersion} />

      {general ? (
        <div role="alert" className="rounded border border-gov-red-700 bg-red-50 px-3 py-2 text-sm text-gov-red-800">
          <p>{general}</p>
          {result && !result.ok && (result.code === 'CONFLICT' || result.code === 'INVALID_TRANSITION') ? (
            <a href={props.reloadHref} className="mt-1 inline-block font-semibold underline">
              {labels.reload}
            </a>
          ) : null}
        </div>
      ) : null}

      {requires.includes('assignee') && props.candidates ? (
        <div>
          <label htmlFor={`${id}-assignee`} className="block font-semibold text-slate-800">
            {labels.chooseAssignee}
          </label>
          <select
            id={`${id}-assignee`}
            name="assigneeId"
            required
            defaultValue=""
            aria-invalid={errorFor('assigneeId') ? true : undefined}
            aria-describedby={described('assigneeId')}
            className="mt-1 block w-full max-w-md rounded border border-slate-400 bg-white px-3 py-2"
          >
            <option value="" disabled>
              {labels.chooseAssigneePlaceholder}
            </option>
            {props.candidates.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.fullName}
              </option>
            ))}
          </select>
          {fieldError('assigneeId')}
        </div>
      ) : null}

      {requires.includes('items') ? (
        <fieldset>
          <legend className="font-semibold text-slate-800">{labels.items}</legend>
          <p className="text-sm text-slate-600">{labels.itemsHint}</p>
          {props.itemSuggestions?.length ? (
            <datalist id={`${id}-suggestions`}>
              {props.itemSuggestions.map((suggestion) => (
                <option key={suggestion} value={suggestion} />
              ))}
            </datalist>
          ) : null}
          <ol className="mt-2 space-y-2">
            {Array.from({ length: ITEM_ROWS }, (_, index) => (
              <li key={index} className="grid gap-2 sm:grid-cols-2">
                <label className="sr-only" htmlFor={`${id}-item-${index}`}>
                  {labels.itemLabel.replace('{n}', String(index + 1))}
                </label>
                <input
                  id={`${id}-item-${index}`}
                  name="itemLabel"
                  list={props.itemSuggestions?.length ? `${id}-suggestions` : undefined}
                  placeholder={labels.itemLabel.replace('{n}', String(index + 1))}
                  maxLength={300}
                  aria-invalid={index === 0 && errorFor('supplementItems') ? true : undefined}
                  aria-describedby={index === 0 ? described('supplementItems') : undefined}
                  className="rounded border border-slate-400 bg-white px-3 py-2"
                />
                <label className="sr-only" htmlFor={`${id}-note-${index}`}>
                  {labels.itemNote.replace('{n}', String(index + 1))}
                </label>
                <input
                  id={`${id}-note-${index}`}
                  name="itemNote"
                  placeholder={labels.itemNote.replace('{n}', String(index + 1))}
                  maxLength={1000}
                  className="rounded border border-slate-400 bg-white px-3 py-2"
                />
              </li>
            ))}
          </ol>
          {fieldError('supplementItems')}
        </fieldset>
      ) : null}

      {requires.includes('due_date') && props.dueDate ? (
        <div>
          <label htmlFor={`${id}-due`} className="block font-semibold text-slate-800">
            {labels.newDueDate}
          </label>
          <p id={`${id}-due-hint`} className="text-sm text-slate-600">
            {labels.newDueDateHint.replace('{current}', props.dueDate.currentLabel)}
          </p>
          <input
            id={`${id}-due`}
            type="date"
            name="newDueDate"
            required
            min={props.dueDate.min}
            defaultValue={props.dueDate.suggested}
            aria-invalid={errorFor('newDueDate') ? true : undefined}
            aria-describedby={[`${id}-due-hint`, described('newDueDate')].filter(Boolean).join(' ')}
            className="mt-1 rounded border border-slate-400 bg-white px-3 py-2"
          />
          {fieldError('newDueDate')}
        </div>
      ) : null}

      {requires.includes('attachment') ? (
        props.answerItems?.length ? (
          <fieldset className="space-y-2">
            <legend className="font-semibold text-slate-800">{labels.files}</legend>
            {props.answerItems.map((item) => (
              <div key={item.key}>
                <label htmlFor={`${id}-file-${item.key}`} className="block text-sm font-semibold text-slate-800">
                  {labels.fileForItem.replace('{label}', item.label)}
                </label>
                <input id={`${id}-file-${item.key}`} type="file" name={`file:${item.key}`} accept={ACCEPTED_FILES} multiple className="mt-1 block text-sm" />
              </div>
            ))}
            {fieldError('attachmentIds') ?? fieldError('files')}
          </fieldset>
        ) : (
          <div>
            <label htmlFor={`${id}-files`} className="block font-semibold text-slate-800">
              {labels.files}
            </label>
            <input
              id={`${id}-files`}
              type="file"
              name="files"
              accept={ACCEPTED_FILES}
              multiple
              aria-describedby={described('attachmentIds') ?? described('files')}
              className="mt-1 block text-sm"
            />
            {fieldError('attachmentIds') ?? fieldError('files')}
          </div>
        )
      ) : props.acceptsFiles ? (
        <div>
          <label htmlFor={`${id}-files`} className="block font-semibold text-slate-800">
            {labels.resultFiles}
          </label>
          <p id={`${id}-files-hint`} className="text-sm text-slate-600">
            {labels.filesHint}
          </p>
          <input
            id={`${id}-files`}
            type="file"
            name="files"
            accept={ACCEPTED_FILES}
            multiple
            aria-invalid={errorFor('files') ? true : undefined}
            aria-describedby={[`${id}-files-hint`, described('files')].filter(Boolean).join(' ')}
            className="mt-1 block text-sm"
          />
          {fieldError('files')}
        </div>
      ) : null}

      {requires.includes('reason') || requires.includes('attachment') ? (
        <div>
          <label htmlFor={`${id}-reason`} className="block font-semibold text-slate-800">
            {labels.reason}
          </label>
          <p id={`${id}-reason-hint`} className="text-sm text-slate-600">
            {labels.reasonHint}
          </p>
          <textarea
            id={`${id}-reason`}
            name="reason"
            rows={3}
            maxLength={2000}
            required={requires.includes('reason')}
            aria-invalid={errorFor('reason') ? true : undefined}
            aria-describedby={[`${id}-reason-hint`, described('reason')].filter(Boolean).join(' ')}
            className="mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2"
          />
          {fieldError('reason')}
        </div>
      ) : null}

      <button type="submit" disabled={pending} className={buttonStyles.primary}>
        {pending ? labels.pending : labels.submit}
      </button>
    </form>
  )
}
