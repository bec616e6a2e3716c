import type { InputHTMLAttributes } from 'react'

const inputClass =
  'mt-1.5 block min-h-11 w-full rounded border bg-white px-3 text-base text-slate-900 focus:border-navy-700'

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'className'> & {
  id: string
  name: string
  label: string
  hint?: string
  /** The translated error, shown under the field and tied to it for screen readers. */
  error?: string | null
}

/**
 * A labelled input with its hint and its error, the error announced with the field (aria-describedby)
 * and the field marked invalid. No state: usable from server and client components alike.
 */
export function TextField({ id, name, label, hint, error, ...input }: Props) {
  const hintId = hint ? `${id}-goi-y` : undefined
  const errorId = error ? `${id}-loi` : undefined
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined
  return (
    <div>
      <label htmlFor={id} className="block font-semibold text-slate-800">
        {label}
      </label>
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-semibold text-gov-red-700">
          {error}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`${inputClass} ${error ? 'border-gov-red-700 border-2' : 'border-slate-400'}`}
        {...input}
      />
      {hint ? (
        <p id={hintId} className="mt-1.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
    </div>
  )
}
