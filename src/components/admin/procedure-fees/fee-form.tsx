'use client'

import Link from 'next/link'
import { useActionState } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'
import { describedBy, FieldError, FormField, FormMessage, inputBorder, inputClass } from '../form-field'
import { INITIAL_PROCEDURE_FEE_FORM_STATE, type ProcedureFeeFormState, type ProcedureFeeValues } from './form-state'

export type Choice = { value: string; label: string }
export type ChoiceGroup = { label: string; options: Choice[] }

export type ProcedureFeeFormLabels = {
  feeVnd: string
  feeVndHint: string
  feeNote: string
  feeNoteHint: string
  optional: string
  feeMoment: string
  ruleKind: string
  ruleFields: string
  ruleFieldsHint: string
  copiesField: string
  groupField: string
  pagesField: string
  noField: string
  feeExemptions: string
  feeExemptionsHint: string
  save: string
  pending: string
  cancel: string
}

type Action = (state: ProcedureFeeFormState, formData: FormData) => Promise<ProcedureFeeFormState>

const radioClass = 'mt-0.5 size-5 shrink-0 accent-navy-800'

/**
 * Changes a procedure's fee by publishing a new version. The server validates (zod in the use-case, and the
 * fields the rule names against the procedure's form) and answers per field; works as a plain form post
 * without JavaScript. The form carries the version it was loaded with: a version published by someone else
 * in between is refused.
 */
export function ProcedureFeeForm({
  action,
  slug,
  versionId,
  initial,
  moments,
  rules,
  copiesChoices,
  groupChoices,
  pagesChoices,
  labels,
  cancelHref,
  noteMax,
}: {
  action: Action
  slug: string
  versionId: string
  initial: ProcedureFeeValues
  moments: Choice[]
  rules: Choice[]
  copiesChoices: ChoiceGroup[]
  groupChoices: Choice[]
  pagesChoices: ChoiceGroup[]
  labels: ProcedureFeeFormLabels
  cancelHref: string
  noteMax: number
}) {
  const [state, formAction, pending] = useActionState(action, INITIAL_PROCEDURE_FEE_FORM_STATE)
  const values = state.values ?? initial
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {}

  const select = (id: string, name: 'copiesField' | 'groupField' | 'pagesField', label: string, choices: (Choice | ChoiceGroup)[]) => {
    const known = choices.flatMap((choice) => ('options' in choice ? choice.options : [choice])).some((choice) => choice.value === values[name])
    return (
      <FormField id={id} label={label} error={errors[name]}>
        <select
          id={id}
          name={name}
          defaultValue={values[name]}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={describedBy(id, { error: errors[name] })}
          className={`${inputClass} ${inputBorder}`}
        >
          <option value="">{labels.noField}</option>
          {/* A value the form no longer offers is still shown, so the error under it makes sense. */}
          {values[name] && !known ? <option value={values[name]}>{values[name]}</option> : null}
          {choices.map((choice) =>
            'options' in choice ? (
              <optgroup key={choice.label} label={choice.label}>
                {choice.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ) : (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ),
          )}
        </select>
      </FormField>
    )
  }

  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormMessage status={state.status} message={state.message} />
      <input type="hidden" name="procedureSlug" value={slug} />
      <input type="hidden" name="expectedVersionId" value={versionId} />

      {/* Remounted with each answer, so the fields show the values the server echoed. */}
      <div key={state.nonce} className="space-y-6">
        <FormField id="muc-thu" label={labels.feeVnd} optionalLabel={labels.optional} hint={labels.feeVndHint} error={errors.feeVnd}>
          <input
            id="muc-thu"
            name="feeVnd"
            type="text"
            inputMode="numeric"
            defaultValue={values.feeVnd}
            maxLength={30}
            autoComplete="off"
            aria-invalid={errors.feeVnd ? true : undefined}
            aria-describedby={describedBy('muc-thu', { hint: labels.feeVndHint, error: errors.feeVnd })}
            className={`${inputClass} ${inputBorder} max-w-xs tabular-nums`}
          />
        </FormField>

        <RadioChoices id="thoi-diem" name="feeMoment" legend={labels.feeMoment} choices={moments} checked={values.feeMoment} error={errors.feeMoment} />
        <RadioChoices id="cach-tinh" name="ruleKind" legend={labels.ruleKind} choices={rules} checked={values.ruleKind} error={errors.ruleKind} />

        <fieldset className="rounded border border-slate-200 p-4">
          <legend className="px-1 font-semibold text-slate-800">{labels.ruleFields}</legend>
          <p className="text-sm text-slate-600">{labels.ruleFieldsHint}</p>
          <div className="mt-3 grid gap-4 sm:grid-cols-3">
            {select('truong-so-ban', 'copiesField', labels.copiesField, copiesChoices)}
            {select('nhom-giay-to', 'groupField', labels.groupField, groupChoices)}
            {select('truong-so-trang', 'pagesField', labels.pagesField, pagesChoices)}
          </div>
        </fieldset>

        <FormField id="ghi-chu-le-phi" label={labels.feeNote} optionalLabel={labels.optional} hint={labels.feeNoteHint} error={errors.feeNote}>
          <textarea
            id="ghi-chu-le-phi"
            name="feeNote"
            rows={3}
            defaultValue={values.feeNote}
            maxLength={noteMax}
            aria-invalid={errors.feeNote ? true : undefined}
            aria-describedby={describedBy('ghi-chu-le-phi', { hint: labels.feeNoteHint, error: errors.feeNote })}
            className={`${inputClass} ${inputBorder} py-2`}
          />
        </FormField>

        <FormField id="mien-phi" label={labels.feeExemptions} optionalLabel={labels.optional} hint={labels.feeExemptionsHint} error={errors.feeExemptions}>
          <textarea
            id="mien-phi"
            name="feeExemptions"
            rows={8}
            defaultValue={values.feeExemptions}
            spellCheck={false}
            aria-invalid={errors.feeExemptions ? true : undefined}
            aria-describedby={describedBy('mien-phi', { hint: labels.feeExemptionsHint, error: errors.feeExemptions })}
            className={`${inputClass} ${inputBorder} py-2 font-mono text-sm`}
          />
        </FormField>
      </div>

      <div className="flex flex-col gap-3 border-t border-slate-200 pt-6 sm:flex-row sm:flex-wrap">
        <button type="submit" disabled={pending} className={`${buttonStyles.primary} disabled:opacity-70`}>
          {pending ? labels.pending : labels.save}
        </button>
        <Link href={cancelHref} className={buttonStyles.secondary}>
          {labels.cancel}
        </Link>
      </div>
    </form>
  )
}

/** A labelled group of radio buttons with its error under it (`<id>-loi`, as FieldError writes it). */
function RadioChoices({ id, name, legend, choices, checked, error }: { id: string; name: string; legend: string; choices: readonly { value: string; label: string }[]; checked: string; error: string | undefined }) {
  return (
    <fieldset aria-describedby={error ? `${id}-loi` : undefined}>
      <legend className="font-semibold text-slate-800">{legend}</legend>
      <div className="mt-2 space-y-2">
        {choices.map((choice) => (
          <label key={choice.value} className="flex items-start gap-2 text-slate-800">
            <input type="radio" name={name} value={choice.value} defaultChecked={checked === choice.value} className={radioClass} />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  )
}
