import type { ReactNode } from 'react'

export const inputClass =
  'mt-1.5 block min-h-11 w-full rounded border bg-white px-3 text-base text-slate-900 focus:border-navy-700 aria-invalid:border-gov-red-700'
export const inputBorder = 'border-slate-400'

/** Ids of a field's hint and error, for `aria-describedby` of its input. */
export function describedBy(id: string, { hint, error }: { hint?: ReactNode; error?: string }): string | undefined {
  const ids = [hint ? `${id}-goi-y` : null, error ? `${id}-loi` : null].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}

/** A labelled field: label, optional hint, the control, and its error right under it. */
export function FormField({
  id,
  label,
  optionalLabel,
  hint,
  error,
  children,
}: {
  id: string
  label: string
  /** Shown after the label when the field may be left empty. */
  optionalLabel?: string
  hint?: ReactNode
  error?: string
  children: ReactNode
}) {
  return (
    <div>
      <label htmlFor={id} className="block font-semibold text-slate-800">
        {label}
        {optionalLabel ? <span className="font-normal text-slate-600"> ({optionalLabel})</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-goi-y`} className="mt-1.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
    </div>
  )
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null
  return (
    <p id={`${id}-loi`} className="mt-1.5 text-sm font-semibold text-gov-red-700">
      {error}
    </p>
  )
}

/** The form's own message: a problem (alert) or a confirmation (status). */
export function FormMessage({ status, message }: { status: 'idle' | 'error' | 'success'; message?: string }) {
  if (!message || status === 'idle') return null
  return status === 'error' ? (
    <p role="alert" className="rounded border-l-4 border-gov-red-700 bg-gov-red-50 px-4 py-3 text-sm text-gov-red-800">
      {message}
    </p>
  ) : (
    <p role="status" className="rounded border-l-4 border-emerald-600 bg-emerald-50 px-4 py-3 text-sm text-emerald-950">
      {message}
    </p>
  )
}

/** A field for a new password (typed, never filled in by the browser's saved password). */
export function NewPasswordInput({ id, name, error, describedBy }: { id: string; name: string; error?: string; describedBy?: string }) {
  return (
    <input
      id={id}
      name={name}
      type="password"
      maxLength={200}
      autoComplete="new-password"
      required
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
      className={`${inputClass} ${inputBorder}`}
    />
  )
}
