'use client'

import Link from 'next/link'
import { useActionState, useEffect, useRef } from 'react'
import { describedBy, FieldError, FormField, inputBorder, inputClass } from '@/components/admin/form-field'
import { Badge } from '@/components/ui/badge'
import { buttonStyles } from '@/components/ui/button-styles'
import { RECEPTION_FIELDS, RECEPTION_IDLE, type ReceptionField, type ReceptionFormState } from './reception-form-state'

type Action = (state: ReceptionFormState, formData: FormData) => Promise<ReceptionFormState>

export type ReceptionDocument = { key: string; name: string; badges: string[]; required: boolean }
export type ReceptionFormValues = {
  fullName: string
  citizenId: string
  phone: string
  email: string
  address: string
  addressCommune: string
  description: string
  notes: string
  documents: string[]
  assigneeId: string
}

export type ReceptionFormLabels = {
  applicant: string
  fullName: string
  citizenId: string
  phone: string
  phoneHint: string
  email: string
  optional: string
  address: string
  addressCommune: string
  request: string
  description: string
  descriptionHint: string
  notes: string
  notesHint: string
  documents: string
  documentsHint: string
  noDocuments: string
  assignee: string
  assigneeHint: string
  assigneePlaceholder: string
  assigneeNone: string
  submit: string
  pending: string
  cancel: string
}

/** The id of each field's control, for labels, errors and the summary's links. */
const FIELD_IDS: Record<ReceptionField, string> = {
  communeId: 'xa-tiep-nhan',
  procedure: 'thu-tuc',
  submissionKey: 'ho-so-loi-chung',
  fullName: 'ho-ten',
  citizenId: 'so-cccd',
  phone: 'so-dien-thoai',
  email: 'thu-dien-tu',
  address: 'noi-cu-tru',
  addressCommune: 'xa-cu-tru',
  description: 'noi-dung-yeu-cau',
  notes: 'ghi-chu',
  documents: 'giay-to',
  assigneeId: 'nguoi-xu-ly',
}

const text = (values: ReceptionFormState['values'], key: string, fallback: string): string => {
  const value = values?.[key]
  return typeof value === 'string' ? value : fallback
}

/**
 * Step 3: the applicant, the request, the documents checklist and who processes the dossier; submitted to
 * a server action (works before and without JavaScript). The server validates everything and answers with
 * a sentence per field; what was typed comes back in the answer and is shown again. The submission key
 * makes a double click or a resend create one dossier.
 */
export function DeskReceptionForm({
  action,
  hidden,
  initial,
  documents,
  residenceCommunes,
  assigneeCandidates,
  labels,
  cancelHref,
}: {
  action: Action
  hidden: { communeId: string; procedure: string; submissionKey: string }
  initial: ReceptionFormValues
  documents: ReceptionDocument[]
  residenceCommunes: { code: string; name: string }[]
  assigneeCandidates: { id: string; label: string }[]
  labels: ReceptionFormLabels
  cancelHref: string
}) {
  const [state, formAction, pending] = useActionState(action, RECEPTION_IDLE)
  const summaryRef = useRef<HTMLDivElement>(null)
  const values = state.values
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {}
  const checked = new Set(Array.isArray(values?.documents) ? values.documents : initial.documents)
  const submissionKey = text(values, 'submissionKey', hidden.submissionKey)

  useEffect(() => {
    if (state.status === 'error') summaryRef.current?.focus()
  }, [state])

  const fieldMessages = RECEPTION_FIELDS.flatMap((field) => (errors[field] ? [{ id: FIELD_IDS[field], text: errors[field] }] : []))

  return (
    // Re-mounted with every answer, so the echoed values become the fields' values.
    <form key={state.attempt} action={formAction} noValidate className="space-y-8">
      {state.status === 'error' ? (
        <div
          ref={summaryRef}
          id="ho-so-loi-chung"
          tabIndex={-1}
          role="alert"
          className="rounded border-l-4 border-gov-red-700 bg-gov-red-50 px-4 py-3 text-sm text-gov-red-800"
        >
          <p className="font-semibold">{state.message}</p>
          {fieldMessages.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {fieldMessages.map((message) => (
                <li key={message.id}>
                  <a href={`#${message.id}`} className="underline">
                    {message.text}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <input type="hidden" name="communeId" value={hidden.communeId} />
      <input type="hidden" name="procedure" value={hidden.procedure} />
      <input type="hidden" name="submissionKey" value={submissionKey} />

      <fieldset className="space-y-5">
        <legend className="text-base font-semibold text-navy-900">{labels.applicant}</legend>
        <div className="grid gap-5 sm:grid-cols-2">
          <FormField id="ho-ten" label={labels.fullName} error={errors.fullName}>
            <input
              id="ho-ten"
              name="fullName"
              type="text"
              defaultValue={text(values, 'fullName', initial.fullName)}
              maxLength={100}
              autoComplete="off"
              required
              aria-invalid={errors.fullName ? true : undefined}
              aria-describedby={describedBy('ho-ten', { error: errors.fullName })}
              className={`${inputClass} ${inputBorder}`}
            />
          </FormField>
          <FormField id="so-cccd" label={labels.citizenId} error={errors.citizenId}>
            <input
              id="so-cccd"
              name="citizenId"
              type="text"
              defaultValue={text(values, 'citizenId', initial.citizenId)}
              maxLength={20}
              inputMode="numeric"
              autoComplete="off"
              required
              aria-invalid={errors.citizenId ? true : undefined}
              aria-describedby={describedBy('so-cccd', { error: errors.citizenId })}
              className={`${inputClass} ${inputBorder} font-mono`}
            />
          </FormField>
          <FormField id="so-dien-thoai" label={labels.phone} hint={labels.phoneHint} error={errors.phone}>
            <input
              id="so-dien-thoai"
              name="phone"
              type="tel"
              defaultValue={text(values, 'phone', initial.phone)}
              maxLength={20}
              inputMode="tel"
              autoComplete="off"
              aria-invalid={errors.phone ? true : undefined}
              aria-describedby={describedBy('so-dien-thoai', { hint: labels.phoneHint, error: errors.phone })}
              className={`${inputClass} ${inputBorder} font-mono`}
            />
          </FormField>
          <FormField id="thu-dien-tu" label={labels.email} optionalLabel={labels.optional} error={errors.email}>
            <input
              id="thu-dien-tu"
              name="email"
              type="email"
              defaultValue={text(values, 'email', initial.email)}
              maxLength={254}
              autoComplete="off"
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={describedBy('thu-dien-tu', { error: errors.email })}
              className={`${inputClass} ${inputBorder}`}
            />
          </FormField>
          <FormField id="noi-cu-tru" label={labels.address} error={errors.address}>
            <input
              id="noi-cu-tru"
              name="address"
              type="text"
              defaultValue={text(values, 'address', initial.address)}
              maxLength={300}
              autoComplete="off"
              required
              aria-invalid={errors.address ? true : undefined}
              aria-describedby={describedBy('noi-cu-tru', { error: errors.address })}
              className={`${inputClass} ${inputBorder}`}
            />
          </FormField>
          <FormField id="xa-cu-tru" label={labels.addressCommune} error={errors.addressCommune}>
            <select
              id="xa-cu-tru"
              name="addressCommune"
              defaultValue={text(values, 'addressCommune', initial.addressCommune)}
              aria-invalid={errors.addressCommune ? true : undefined}
              aria-describedby={describedBy('xa-cu-tru', { error: errors.addressCommune })}
              className={`${inputClass} ${inputBorder}`}
            >
              {residenceCommunes.map((commune) => (
                <option key={commune.code} value={commune.code}>
                  {commune.name}
                </option>
              ))}
            </select>
          </FormField>
        </div>
      </fieldset>

      <fieldset className="space-y-5">
        <legend className="text-base font-semibold text-navy-900">{labels.request}</legend>
        <FormField id="noi-dung-yeu-cau" label={labels.description} hint={labels.descriptionHint} error={errors.description}>
          <textarea
            id="noi-dung-yeu-cau"
            name="description"
            rows={3}
            defaultValue={text(values, 'description', initial.description)}
            maxLength={2000}
            required
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={describedBy('noi-dung-yeu-cau', { hint: labels.descriptionHint, error: errors.description })}
            className={`${inputClass} ${inputBorder} py-2`}
          />
        </FormField>
        <FormField id="ghi-chu" label={labels.notes} optionalLabel={labels.optional} hint={labels.notesHint} error={errors.notes}>
          <textarea
            id="ghi-chu"
            name="notes"
            rows={2}
            defaultValue={text(values, 'notes', initial.notes)}
            maxLength={2000}
            aria-invalid={errors.notes ? true : undefined}
            aria-describedby={describedBy('ghi-chu', { hint: labels.notesHint, error: errors.notes })}
            className={`${inputClass} ${inputBorder} py-2`}
          />
        </FormField>
      </fieldset>

      <fieldset id="giay-to" tabIndex={-1} aria-describedby={['giay-to-goi-y', errors.documents ? 'giay-to-loi' : null].filter(Boolean).join(' ')}>
        <legend className="text-base font-semibold text-navy-900">{labels.documents}</legend>
        <p id="giay-to-goi-y" className="mt-1 text-sm text-slate-600">
          {labels.documentsHint}
        </p>
        <FieldError id="giay-to" error={errors.documents} />
        {documents.length === 0 ? (
          <p className="mt-3 text-sm">{labels.noDocuments}</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 rounded border border-slate-200">
            {documents.map((document) => (
              <li key={document.key} className="px-3 py-2.5">
                <label className="flex cursor-pointer items-start gap-3">
                  <input
                    type="checkbox"
                    name="documents"
                    value={document.key}
                    defaultChecked={checked.has(document.key)}
                    className="mt-1 size-5 shrink-0 accent-navy-800"
                  />
                  <span className="min-w-0">
                    <span className="block text-slate-900">{document.name}</span>
                    {document.badges.length > 0 ? (
                      <span className="mt-1 flex flex-wrap gap-2">
                        {document.badges.map((badge, index) => (
                          <Badge key={badge} tone={index === 0 && document.required ? 'navy' : 'slate'}>
                            {badge}
                          </Badge>
                        ))}
                      </span>
                    ) : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <FormField id="nguoi-xu-ly" label={labels.assignee} hint={assigneeCandidates.length > 0 ? labels.assigneeHint : labels.assigneeNone} error={errors.assigneeId}>
        <select
          id="nguoi-xu-ly"
          name="assigneeId"
          defaultValue={text(values, 'assigneeId', initial.assigneeId)}
          aria-invalid={errors.assigneeId ? true : undefined}
          aria-describedby={describedBy('nguoi-xu-ly', { hint: labels.assigneeHint, error: errors.assigneeId })}
          className={`${inputClass} ${inputBorder} sm:max-w-md`}
        >
          <option value="">{labels.assigneePlaceholder}</option>
          {assigneeCandidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.label}
            </option>
          ))}
        </select>
      </FormField>

      <div className="flex flex-col gap-3 border-t border-slate-200 pt-6 sm:flex-row">
        <button type="submit" disabled={pending} className={`${buttonStyles.primary} disabled:opacity-70`}>
          {pending ? labels.pending : labels.submit}
        </button>
        <Link href={cancelHref} className={buttonStyles.secondary}>
          {labels.cancel}
        </Link>
      </div>
    </form>
  )
}
