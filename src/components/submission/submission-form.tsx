'use client'

import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useFormStatus } from 'react-dom'
import { buttonStyles } from '@/components/ui/button-styles'
import { errorKeyOf, type ErrorCase } from '@/domain/forms/field-error-cases'
import type { FormDefinition } from '@/domain/forms/form-definition'
import { fieldIssuesOf, formSchema } from '@/domain/forms/form-schema'
import { fieldId, formValuesFromEntries } from '@/domain/forms/form-values'

/**
 * The form element of the online application. The fields inside are rendered on the server
 * (DynamicFormFields); this shell adds what needs the browser:
 * - before posting "submit", the same zod schema as the server (formSchema of the same definition) checks the
 *   values and shows each error under its field, with a summary linking to them — nothing is posted while it
 *   finds a problem (the server checks again anyway: it is the only check that counts);
 * - the draft is saved a moment after each change (autosave), with its status announced politely.
 * Without JavaScript the form still posts to the same server action, which saves, validates and answers.
 */

export type SubmissionFormTexts = {
  submit: string
  submitting: string
  saveDraft: string
  saving: string
  /** With `{time}`. */
  saved: string
  saveFailed: string
  signedOut: string
  /** Shown when the form is posted while a file is still uploading. */
  uploadPending: string
  /** With `{count}`. */
  errorsTitle: string
  /** Sentences by error code and index-free field path (see field-error-cases.ts), worded on the server. */
  errors: Record<string, Partial<Record<ErrorCase['code'], string>>>
  /** Field labels by index-free path, for the summary. */
  labels: Record<string, string>
}

type Summary = { href: string; text: string }[]

const AUTOSAVE_DELAY_MS = 1500

function postedEntries(form: HTMLFormElement): FormData {
  const data = new FormData(form)
  // Files go through their own upload; an autosave carries only what was typed.
  for (const [name, value] of [...data.entries()]) if (typeof value !== 'string') data.delete(name)
  data.delete('_intent')
  return data
}

function SubmitButtons({ texts }: { texts: SubmissionFormTexts }) {
  const { pending } = useFormStatus()
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
      <button type="submit" name="_intent" value="submit" disabled={pending} className={`${buttonStyles.primary} min-h-12 disabled:opacity-60`}>
        {pending ? texts.submitting : texts.submit}
      </button>
      <button type="submit" name="_intent" value="save" formNoValidate disabled={pending} className={`${buttonStyles.secondary} min-h-12 disabled:opacity-60`}>
        {texts.saveDraft}
      </button>
    </div>
  )
}

export function SubmissionForm({
  action,
  autosave,
  definition,
  communeCodes,
  today,
  texts,
  serverSummary,
  children,
}: {
  action: (formData: FormData) => Promise<void>
  autosave: (formData: FormData) => Promise<{ ok: boolean; savedAt?: string; reason?: 'signed-out' }>
  definition: FormDefinition
  communeCodes: readonly string[]
  /** Today in Vietnam (`yyyy-MM-dd`), from the server, so dates are judged as the server will. */
  today: string
  texts: SubmissionFormTexts
  /** Problems the server found in the last post (shown until the next check). */
  serverSummary: Summary
  children: ReactNode
}) {
  const formRef = useRef<HTMLFormElement>(null)
  const summaryRef = useRef<HTMLDivElement>(null)
  const [summary, setSummary] = useState<Summary>(serverSummary)
  const [saveStatus, setSaveStatus] = useState<string>('')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const schema = useMemo(() => formSchema(definition, { today, communeCodes: new Set(communeCodes) }), [definition, today, communeCodes])

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])

  function scheduleAutosave() {
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(async () => {
      const form = formRef.current
      if (!form) return
      setSaveStatus(texts.saving)
      try {
        const result = await autosave(postedEntries(form))
        setSaveStatus(result.ok && result.savedAt ? texts.saved.replace('{time}', result.savedAt) : result.reason === 'signed-out' ? texts.signedOut : texts.saveFailed)
      } catch {
        setSaveStatus(texts.saveFailed)
      }
    }, AUTOSAVE_DELAY_MS)
  }

  function showErrors(form: HTMLFormElement, byPath: Record<string, { code: ErrorCase['code'] }[]>) {
    for (const element of form.querySelectorAll<HTMLElement>('[data-error-for]')) element.textContent = ''
    for (const element of form.querySelectorAll('[aria-invalid="true"]')) element.removeAttribute('aria-invalid')
    const next: Summary = []
    for (const [path, issues] of Object.entries(byPath)) {
      const key = errorKeyOf(path)
      const sentence = issues.map((issue) => texts.errors[key]?.[issue.code] ?? texts.errors['']?.INVALID ?? issue.code).join(' ')
      const id = path === '' ? '' : fieldId(path)
      const slot = id ? form.querySelector<HTMLElement>(`[data-error-for="${id}"]`) : null
      if (slot) slot.textContent = sentence
      const control = id ? document.getElementById(id) : null
      control?.setAttribute('aria-invalid', 'true')
      const label = texts.labels[key] ?? ''
      next.push({ href: id ? `#${id}` : '#', text: label ? `${label}: ${sentence}` : sentence })
    }
    setSummary(next)
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (timer.current) clearTimeout(timer.current)
    const form = event.currentTarget
    // A file still on its way would be missing from the post (its id is not in the form yet): wait for it.
    const uploading = form.querySelector<HTMLElement>('[data-file-slot][data-uploading="true"]')
    if (uploading) {
      event.preventDefault()
      setSummary([{ href: uploading.id ? `#${uploading.id}` : '#', text: texts.uploadPending }])
      requestAnimationFrame(() => summaryRef.current?.focus())
      return
    }
    const submitter = (event.nativeEvent as SubmitEvent).submitter
    if (submitter?.getAttribute('value') !== 'submit') return
    const values = formValuesFromEntries(definition, new FormData(form).entries())
    const result = schema.safeParse(values)
    if (result.success) {
      setSummary([])
      return
    }
    event.preventDefault()
    showErrors(form, fieldIssuesOf(result.error))
    requestAnimationFrame(() => summaryRef.current?.focus())
  }

  return (
    <form ref={formRef} action={action} onSubmit={onSubmit} onInput={scheduleAutosave} onChange={scheduleAutosave} data-dynamic-form="" noValidate className="space-y-8">
      {summary.length > 0 ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded border-l-4 border-gov-red-700 bg-gov-red-50 px-4 py-3 text-gov-red-800">
          <p className="font-semibold">{texts.errorsTitle.replace('{count}', String(summary.length))}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {summary.map((item, index) => (
              <li key={index}>
                <a href={item.href} className="underline underline-offset-2">
                  {item.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {children}
      <div className="sticky bottom-0 -mx-4 border-t border-slate-300 bg-white/95 px-4 py-3 sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:p-0">
        <SubmitButtons texts={texts} />
        <p role="status" aria-live="polite" className="mt-2 min-h-5 text-sm text-slate-600">
          {saveStatus}
        </p>
      </div>
    </form>
  )
}
