'use client'

import { useActionState, useState } from 'react'
import { FormMessage } from '@/components/admin/form-field'
import { buttonStyles } from '@/components/ui/button-styles'
import { blankStepRow, blankTransitionRow, stepField, transitionField, type DraftForm, type StepRow, type TransitionRow } from '@/domain/workflow/workflow-draft'
import type { Choice, EditorChoices, EditorState, EditorText } from './editor-state'

type Action = (state: EditorState, formData: FormData) => Promise<EditorState>

const control = 'mt-1 block min-h-10 w-full rounded border border-slate-400 bg-white px-2.5 text-sm text-slate-900 focus:border-navy-700 aria-invalid:border-gov-red-700 aria-invalid:bg-gov-red-50'
const fieldLabel = 'block text-sm font-semibold text-slate-800'
const rowClass = 'rounded border border-slate-300 bg-white p-4 shadow-sm has-[[data-remove]:checked]:border-dashed has-[[data-remove]:checked]:bg-slate-100 has-[[data-remove]:checked]:opacity-70'

/** An id no row of the form uses yet (deterministic, so the server and the browser render the same). */
function freshRowId(prefix: string, used: readonly { row: string }[]): string {
  const taken = new Set(used.map((row) => row.row))
  let index = 0
  while (taken.has(`${prefix}${index}`)) index += 1
  return `${prefix}${index}`
}

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''))

/** Ids of inputs, from field names (`step.s1.key` → `buoc-s1-key`), for labels and the error list. */
export const inputId = (field: string) => field.replace(/^step\./, 'buoc-').replace(/^transition\./, 'chuyen-').replace(/\./g, '-')

function FieldError({ field, error }: { field: string; error?: string }) {
  if (!error) return null
  return (
    <p id={`${inputId(field)}-loi`} className="mt-1 text-sm font-semibold text-gov-red-700">
      {error}
    </p>
  )
}

function TextField({ field, label, value, error, hint, mono = false, list }: { field: string; label: string; value: string; error?: string; hint?: string; mono?: boolean; list?: string }) {
  const id = inputId(field)
  return (
    <div>
      <label htmlFor={id} className={fieldLabel}>
        {label}
      </label>
      <input
        id={id}
        name={field}
        type="text"
        defaultValue={value}
        list={list}
        maxLength={200}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? `${id}-goi-y` : null, error ? `${id}-loi` : null].filter(Boolean).join(' ') || undefined}
        className={`${control} ${mono ? 'font-mono' : ''}`}
      />
      {hint ? (
        <p id={`${id}-goi-y`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError field={field} error={error} />
    </div>
  )
}

function SelectField({ field, label, value, options, error, empty }: { field: string; label: string; value: string; options: Choice[]; error?: string; empty?: string }) {
  const id = inputId(field)
  // A stored value no longer offered stays selectable, so saving does not change it silently.
  const known = value === '' || options.some((option) => option.value === value)
  return (
    <div>
      <label htmlFor={id} className={fieldLabel}>
        {label}
      </label>
      <select id={id} name={field} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-loi` : undefined} className={control}>
        {empty !== undefined ? <option value="">{empty}</option> : null}
        {known ? null : <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError field={field} error={error} />
    </div>
  )
}

function CheckboxGroup({ field, label, values, options, error }: { field: string; label: string; values: readonly string[]; options: Choice[]; error?: string }) {
  const id = inputId(field)
  return (
    <fieldset id={id} aria-describedby={error ? `${id}-loi` : undefined} aria-invalid={error ? true : undefined}>
      <legend className={fieldLabel}>{label}</legend>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {options.map((option) => (
          <label key={option.value} className="flex min-h-8 items-center gap-2 text-sm">
            <input type="checkbox" name={field} value={option.value} defaultChecked={values.includes(option.value)} className="size-4 accent-navy-700" />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError field={field} error={error} />
    </fieldset>
  )
}

function StepFields({ row, number, isNew, startRow, errors, choices, text, problems }: { row: StepRow; number: number; isNew: boolean; startRow: string; errors: Record<string, string>; choices: EditorChoices; text: EditorText; problems?: string[] }) {
  const f = (name: keyof Omit<StepRow, 'row'>) => stepField(row.row, name)
  const legend = isNew ? text.newStepLegend : fill(text.stepLegend, { number, key: row.key })
  return (
    <fieldset className={rowClass}>
      <legend className="rounded bg-navy-800 px-2 py-0.5 text-sm font-semibold text-white">{legend}</legend>
      {problems && problems.length > 0 ? (
        <p className="mt-2 text-sm font-semibold text-gov-red-800">
          <span aria-hidden="true">⚠ </span>
          {text.problemHere}: {problems.join(' ')}
        </p>
      ) : null}
      <div className="mt-3 grid gap-4 sm:grid-cols-3">
        <TextField field={f('key')} label={text.fields.key ?? ''} hint={isNew ? text.fields.keyHint : undefined} value={row.key} error={errors[f('key')]} mono />
        <TextField field={f('nameVi')} label={text.fields.nameVi ?? ''} value={row.nameVi} error={errors[f('nameVi')]} />
        <TextField field={f('nameEn')} label={text.fields.nameEn ?? ''} value={row.nameEn} error={errors[f('nameEn')]} />
      </div>
      <div className="mt-4 grid gap-4 sm:grid-cols-3 lg:grid-cols-6">
        <SelectField field={f('role')} label={text.fields.role ?? ''} value={row.role} options={choices.roles} error={errors[f('role')]} />
        <SelectField field={f('state')} label={text.fields.state ?? ''} value={row.state} options={choices.states} error={errors[f('state')]} />
        <SelectField field={f('clock')} label={text.fields.clock ?? ''} value={row.clock} options={choices.stepClocks} error={errors[f('clock')]} />
        <SelectField field={f('terminal')} label={text.fields.terminal ?? ''} value={row.terminal} options={choices.terminals} error={errors[f('terminal')]} empty={text.fields.terminalNone} />
        <SelectField field={f('budgetUnit')} label={text.fields.budgetUnit ?? ''} value={row.budgetUnit} options={choices.budgetUnits} error={errors[f('budgetUnit')]} empty={text.fields.budgetNone} />
        <div>
          <label htmlFor={inputId(f('budgetValue'))} className={fieldLabel}>
            {text.fields.budgetValue}
          </label>
          <input
            id={inputId(f('budgetValue'))}
            name={f('budgetValue')}
            type="text"
            inputMode="decimal"
            defaultValue={row.budgetValue}
            maxLength={10}
            autoComplete="off"
            aria-invalid={errors[f('budgetValue')] ? true : undefined}
            aria-describedby={errors[f('budgetValue')] ? `${inputId(f('budgetValue'))}-loi` : undefined}
            className={control}
          />
          <FieldError field={f('budgetValue')} error={errors[f('budgetValue')]} />
        </div>
      </div>
      <div className="mt-2 flex flex-wrap gap-x-8">
        <label className="flex min-h-10 items-center gap-2 text-sm font-semibold">
          <input type="radio" name="startRow" value={row.row} defaultChecked={startRow === row.row} className="size-4 accent-navy-700" />
          {text.fields.start}
        </label>
        <label className="flex min-h-10 items-center gap-2 text-sm text-gov-red-800">
          <input type="checkbox" name={f('remove')} data-remove="" defaultChecked={row.remove} className="size-4 accent-gov-red-700" />
          {text.fields.removeStep}
        </label>
      </div>
    </fieldset>
  )
}

function TransitionFields({ row, number, isNew, errors, choices, text, problems }: { row: TransitionRow; number: number; isNew: boolean; errors: Record<string, string>; choices: EditorChoices; text: EditorText; problems?: string[] }) {
  const f = (name: keyof Omit<TransitionRow, 'row'>) => transitionField(row.row, name)
  const legend = isNew ? text.newTransitionLegend : fill(text.transitionLegend, { number, name: `${row.action}: ${row.from} → ${row.to}` })
  return (
    <fieldset className={rowClass}>
      <legend className="rounded bg-slate-700 px-2 py-0.5 text-sm font-semibold text-white">{legend}</legend>
      {problems && problems.length > 0 ? (
        <p className="mt-2 text-sm font-semibold text-gov-red-800">
          <span aria-hidden="true">⚠ </span>
          {text.problemHere}: {problems.join(' ')}
        </p>
      ) : null}
      <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField field={f('action')} label={text.fields.action ?? ''} hint={isNew ? text.fields.actionHint : undefined} value={row.action} error={errors[f('action')]} mono />
        <TextField field={f('from')} label={text.fields.from ?? ''} value={row.from} error={errors[f('from')]} mono list="ma-cac-buoc" />
        <TextField field={f('to')} label={text.fields.to ?? ''} value={row.to} error={errors[f('to')]} mono list="ma-cac-buoc" />
        <SelectField field={f('clock')} label={text.fields.transitionClock ?? ''} value={row.clock} options={choices.transitionClocks} error={errors[f('clock')]} empty={text.fields.clockNone} />
      </div>
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <CheckboxGroup field={f('roles')} label={text.fields.roles ?? ''} values={row.roles} options={choices.roles} error={errors[f('roles')]} />
        <CheckboxGroup field={f('requires')} label={text.fields.requires ?? ''} values={row.requires} options={choices.requirements} error={errors[f('requires')]} />
      </div>
      <div className="mt-3 flex flex-wrap gap-x-6 gap-y-1">
        <label className="flex min-h-10 items-center gap-2 text-sm">
          <input type="checkbox" name={f('isPublic')} defaultChecked={row.isPublic} className="size-4 accent-navy-700" />
          {text.fields.isPublic}
        </label>
        <label className="flex min-h-10 items-center gap-2 text-sm text-gov-red-800">
          <input type="checkbox" name={f('remove')} data-remove="" defaultChecked={row.remove} className="size-4 accent-gov-red-700" />
          {text.fields.removeTransition}
        </label>
      </div>
    </fieldset>
  )
}

function ListError({ id, error }: { id: string; error?: string }) {
  if (!error) return null
  return (
    <p id={id} className="text-sm font-semibold text-gov-red-700">
      {error}
    </p>
  )
}

/** Every field error as a link to its field, named by row and field, for keyboard and screen-reader users. */
function ErrorList({ errors, form, text }: { errors: Record<string, string>; form: DraftForm; text: EditorText }) {
  const entries = Object.entries(errors).filter(([field]) => field !== '_form')
  if (entries.length === 0) return null
  const place = (field: string): { href: string; label: string } => {
    const [kind, row, name] = field.split('.')
    if (kind === 'step' && row && name) {
      const index = form.steps.findIndex((candidate) => candidate.row === row)
      const key = form.steps[index]?.key
      return { href: `#${inputId(field)}`, label: `${key ? fill(text.stepLegend, { number: index + 1, key }) : text.newStepLegend} — ${text.fields[name] ?? name}` }
    }
    if (kind === 'transition' && row && name) {
      const index = form.transitions.findIndex((candidate) => candidate.row === row)
      const found = form.transitions[index]
      const label = found?.action || found?.from ? fill(text.transitionLegend, { number: index + 1, name: `${found.action}: ${found.from} → ${found.to}` }) : text.newTransitionLegend
      return { href: `#${inputId(field)}`, label: `${label} — ${text.fields[name] ?? name}` }
    }
    if (field === 'steps' || field === 'startRow') return { href: '#buoc', label: text.stepsTitle }
    if (field === 'transitions') return { href: '#chuyen', label: text.transitionsTitle }
    return { href: `#${inputId(field)}`, label: text.fields[field] ?? field }
  }
  return (
    <ul className="list-disc space-y-1 rounded border border-gov-red-200 bg-white px-4 py-3 pl-8 text-sm text-gov-red-800">
      {entries.map(([field, message]) => {
        const { href, label } = place(field)
        return (
          <li key={field}>
            <a href={href} className="font-semibold underline">
              {label}
            </a>
            : {message}
          </li>
        )
      })}
    </ul>
  )
}

/**
 * The rows, rebuilt from `form` every time the server answers (their inputs are uncontrolled and start from
 * what was saved or typed). There is always one empty step and one empty transition at the end, so the form
 * works without JavaScript; with it, "add" buttons append more empty rows.
 */
function EditorFields({ form, errors, choices, text, problemRows, showProblems }: { form: DraftForm; errors: Record<string, string>; choices: EditorChoices; text: EditorText; problemRows: Record<string, string[]>; showProblems: boolean }) {
  const [steps, setSteps] = useState<StepRow[]>(() => [...form.steps, blankStepRow(freshRowId('n', [...form.steps, ...form.transitions]))])
  const [transitions, setTransitions] = useState<TransitionRow[]>(() => [...form.transitions, blankTransitionRow(freshRowId('m', [...form.steps, ...form.transitions]))])
  const existingSteps = new Set(form.steps.map((row) => row.row))
  const existingTransitions = new Set(form.transitions.map((row) => row.row))
  const stepKeys = [...new Set(form.steps.map((row) => row.key).filter(Boolean))]

  return (
    <>
      <section aria-labelledby="thiet-lap-chung" className="space-y-3">
        <h2 id="thiet-lap-chung" className="text-lg font-bold text-navy-900">
          {text.settingsTitle}
        </h2>
        <div className="max-w-sm">
          <TextField field="maxSupplementRequests" label={text.fields.maxSupplementRequests ?? ''} hint={text.fields.maxSupplementHint} value={form.maxSupplementRequests} error={errors.maxSupplementRequests} />
        </div>
      </section>

      <section id="buoc" aria-labelledby="cac-buoc-sua" className="space-y-4">
        <div>
          <h2 id="cac-buoc-sua" className="text-lg font-bold text-navy-900">
            {text.stepsTitle}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{text.stepsHint}</p>
        </div>
        <ListError id="buoc-loi" error={errors.steps} />
        <ListError id="buoc-bat-dau-loi" error={errors.startRow} />
        <datalist id="ma-cac-buoc">
          {stepKeys.map((key) => (
            <option key={key} value={key} />
          ))}
        </datalist>
        {steps.map((row, index) => (
          <StepFields
            key={row.row}
            row={row}
            number={index + 1}
            isNew={!existingSteps.has(row.row)}
            startRow={form.startRow}
            errors={errors}
            choices={choices}
            text={text}
            problems={showProblems ? problemRows[`step:${row.row}`] : undefined}
          />
        ))}
        <button type="button" onClick={() => setSteps((rows) => [...rows, blankStepRow(freshRowId('n', [...rows, ...transitions]))])} className={buttonStyles.secondary}>
          <span aria-hidden="true">+</span> {text.addStep}
        </button>
      </section>

      <section id="chuyen" aria-labelledby="cac-chuyen-tiep-sua" className="space-y-4">
        <div>
          <h2 id="cac-chuyen-tiep-sua" className="text-lg font-bold text-navy-900">
            {text.transitionsTitle}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{text.transitionsHint}</p>
        </div>
        <ListError id="chuyen-loi" error={errors.transitions} />
        {transitions.map((row, index) => (
          <TransitionFields
            key={row.row}
            row={row}
            number={index + 1}
            isNew={!existingTransitions.has(row.row)}
            errors={errors}
            choices={choices}
            text={text}
            problems={showProblems ? problemRows[`transition:${row.row}`] : undefined}
          />
        ))}
        <button type="button" onClick={() => setTransitions((rows) => [...rows, blankTransitionRow(freshRowId('m', [...steps, ...rows]))])} className={buttonStyles.secondary}>
          <span aria-hidden="true">+</span> {text.addTransition}
        </button>
      </section>
    </>
  )
}

/**
 * The draft editor: steps and transitions as rows of a plain form posted to a server action (it works
 * without JavaScript). The server checks every field and answers with a message per field; nothing is
 * stored unless all are valid.
 */
export function WorkflowEditor({
  action,
  versionId,
  initial,
  revision,
  choices,
  text,
  problemRows,
}: {
  action: Action
  versionId: string
  initial: DraftForm
  revision: string
  choices: EditorChoices
  text: EditorText
  /** validateWorkflow's problems of the saved draft, by `step:<row>` / `transition:<row>`. */
  problemRows: Record<string, string[]>
}) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle', fieldErrors: {}, form: initial, revision, nonce: 0 })
  const errors = state.status === 'error' ? state.fieldErrors : {}
  return (
    <form action={formAction} noValidate className="space-y-8">
      <div className="space-y-2">
        <FormMessage status={state.status} message={state.message} />
        <ErrorList errors={errors} form={state.form} text={text} />
      </div>
      <input type="hidden" name="versionId" value={versionId} />
      <input type="hidden" name="revision" value={state.revision} />
      <EditorFields key={state.nonce} form={state.form} errors={errors} choices={choices} text={text} problemRows={problemRows} showProblems={state.status !== 'error'} />
      <div className="sticky bottom-0 -mx-4 flex flex-wrap items-center gap-4 border-t border-slate-200 bg-white/95 px-4 py-3 sm:-mx-6 sm:px-6">
        <button type="submit" disabled={pending} className={`${buttonStyles.primary} disabled:opacity-70`}>
          {pending ? text.saving : text.save}
        </button>
        {/* The answer again next to the button (the announced one is at the top of the form). */}
        {state.message && !pending ? (
          <p aria-hidden="true" className={`text-sm font-semibold ${state.status === 'error' ? 'text-gov-red-800' : 'text-emerald-800'}`}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  )
}
