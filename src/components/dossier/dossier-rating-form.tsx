'use client'

import { useActionState, useId } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'
import type { ActionResult } from '@/lib/action-result'

/** What the rating action answers: the usual result, and on failure what was sent, to show it again. */
export type RatingActionResult = ActionResult & { values?: { score?: string; comment?: string } }

export type DossierRatingFormProps = {
  dossierRef: string
  maxComment: number
  submitAction: (previous: RatingActionResult | null, form: FormData) => Promise<RatingActionResult>
  labels: {
    title: string
    lead: string
    score: string
    /** Per score 1–5: "5 sao" and "Rất hài lòng". */
    options: { score: number; stars: string; label: string }[]
    comment: string
    commentHint: string
    submit: string
    pending: string
    failed: string
    /** By code: field errors (REQUIRED, SCORE_RANGE, COMMENT_TOO_LONG, COMMENT_INVALID) and refusals (ALREADY_EXISTS…). */
    errors: Record<string, string>
  }
}

/**
 * The applicant rates the service: 1–5 stars as a native radio group (keyboard: arrows move between the
 * stars) and an optional comment. Works without JavaScript (a plain POST to the server action, the page
 * answers with the errors); what was typed is kept after an error. The server decides whether the dossier
 * may be rated (src/server/rating/rate-dossier.ts); this form only shows its answer.
 */
export function DossierRatingForm({ dossierRef, maxComment, submitAction, labels }: DossierRatingFormProps) {
  const [result, formAction, pending] = useActionState(submitAction, null)
  const id = useId()
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {}
  const errorFor = (field: string) => {
    const code = fieldErrors[field]?.[0]
    return code ? (labels.errors[code] ?? labels.failed) : null
  }
  const general = result && !result.ok ? (Object.keys(fieldErrors).length > 0 ? labels.failed : (labels.errors[result.code] ?? labels.errors.INTERNAL ?? labels.failed)) : null
  const scoreError = errorFor('score')
  const commentError = errorFor('comment')
  const sentScore = result && !result.ok ? result.values?.score : undefined

  return (
    <section aria-labelledby="danh-gia" className="mt-8 max-w-3xl">
      <h2 id="danh-gia" className="text-lg font-semibold text-navy-900">
        {labels.title}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{labels.lead}</p>
      <form action={formAction} className="mt-3 space-y-4 rounded border border-slate-300 bg-white p-4" noValidate>
        <input type="hidden" name="dossierRef" value={dossierRef} />
        {general ? (
          <p role="alert" className="rounded border border-gov-red-700 bg-red-50 px-3 py-2 text-sm text-gov-red-800">
            {general}
          </p>
        ) : null}
        <fieldset aria-describedby={scoreError ? `${id}-score-error` : undefined}>
          <legend className="font-semibold text-slate-800">{labels.score}</legend>
          <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:flex-wrap">
            {labels.options.map((option) => (
              <label
                key={option.score}
                className="flex min-h-11 cursor-pointer items-center gap-2 rounded border border-slate-300 px-3 py-2 has-[:checked]:border-amber-600 has-[:checked]:bg-amber-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-navy-700"
              >
                <input
                  type="radio"
                  name="score"
                  value={option.score}
                  required
                  defaultChecked={sentScore === String(option.score)}
                  className="size-4 accent-amber-600"
                />
                <span aria-hidden="true" className="text-amber-600">
                  {'★'.repeat(option.score)}
                </span>
                <span>
                  <span className="sr-only">{option.stars}: </span>
                  {option.label}
                </span>
              </label>
            ))}
          </div>
          {scoreError ? (
            <p id={`${id}-score-error`} className="mt-1 text-sm text-gov-red-800">
              {scoreError}
            </p>
          ) : null}
        </fieldset>
        <div>
          <label htmlFor={`${id}-comment`} className="block font-semibold text-slate-800">
            {labels.comment}
          </label>
          <p id={`${id}-comment-hint`} className="text-sm text-slate-600">
            {labels.commentHint}
          </p>
          <textarea
            id={`${id}-comment`}
            name="comment"
            rows={4}
            maxLength={maxComment}
            defaultValue={result && !result.ok ? (result.values?.comment ?? '') : ''}
            aria-invalid={commentError ? true : undefined}
            aria-describedby={[`${id}-comment-hint`, commentError ? `${id}-comment-error` : null].filter(Boolean).join(' ')}
            className="mt-1 block w-full rounded border border-slate-400 px-3 py-2"
          />
          {commentError ? (
            <p id={`${id}-comment-error`} className="mt-1 text-sm text-gov-red-800">
              {commentError}
            </p>
          ) : null}
        </div>
        <button type="submit" disabled={pending} className={buttonStyles.primary}>
          {pending ? labels.pending : labels.submit}
        </button>
      </form>
    </section>
  )
}
