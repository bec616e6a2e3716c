'use client'

import { useId, useMemo, useState } from 'react'
import { asciiKey } from '@/lib/format/ascii-key'

export type CommuneChoice = { id: string; code: string; name: string }

export type CommunePickerLabels = {
  legend: string
  hint: string
  search: string
  searchPlaceholder: string
  selectedNone: string
  selectedOne: string
  /** Template with `{count}`. */
  selectedMany: string
  noMatch: string
  /** Template with `{name}`: the accessible name of a chosen commune's remove button. */
  remove: string
}

function selectedText(labels: CommunePickerLabels, count: number): string {
  if (count === 0) return labels.selectedNone
  if (count === 1) return labels.selectedOne
  return labels.selectedMany.replace('{count}', String(count))
}

/** Accent-, case- and spacing-insensitive: "thanh vinh", "Thành Vinh" and "thanh-vinh" are the same. */
const fold = (text: string) => asciiKey(text).replaceAll('-', ' ')

/**
 * The 130 communes and wards as a searchable checklist. What is chosen is submitted as `communeIds`
 * hidden fields, so filtering the list never drops a choice; the chosen ones are also listed above it,
 * each with a button to remove it.
 */
export function CommunePicker({
  options,
  value,
  onChange,
  labels,
  error,
}: {
  options: readonly CommuneChoice[]
  value: readonly string[]
  onChange: (ids: string[]) => void
  labels: CommunePickerLabels
  error?: string
}) {
  const id = useId()
  const [query, setQuery] = useState('')
  const folded = useMemo(() => options.map((option) => ({ option, key: `${fold(option.name)} ${option.code}` })), [options])
  const needle = fold(query)
  const visible = needle ? folded.filter((entry) => entry.key.includes(needle)).map((entry) => entry.option) : options
  const chosen = options.filter((option) => value.includes(option.id))
  const toggle = (communeId: string, on: boolean) =>
    onChange(on ? [...value.filter((other) => other !== communeId), communeId] : value.filter((other) => other !== communeId))
  const errorId = `${id}-loi`

  return (
    <fieldset aria-describedby={[`${id}-goi-y`, error ? errorId : null].filter(Boolean).join(' ')} aria-invalid={error ? true : undefined}>
      <legend className="font-semibold text-slate-800">{labels.legend}</legend>
      <p id={`${id}-goi-y`} className="mt-1 text-sm text-slate-600">
        {labels.hint}
      </p>
      {value.map((communeId) => (
        <input key={communeId} type="hidden" name="communeIds" value={communeId} />
      ))}
      <div className={`mt-2 rounded border bg-white ${error ? 'border-gov-red-700' : 'border-slate-400'}`}>
        <div className="border-b border-slate-200 p-3">
          <p className="text-sm font-medium text-slate-700" aria-live="polite">
            {selectedText(labels, chosen.length)}
          </p>
          {chosen.length > 0 ? (
            <ul className="mt-2 flex flex-wrap gap-2">
              {chosen.map((commune) => (
                <li key={commune.id}>
                  <button
                    type="button"
                    onClick={() => toggle(commune.id, false)}
                    aria-label={labels.remove.replace('{name}', commune.name)}
                    className="inline-flex items-center gap-1.5 rounded bg-navy-800 px-2.5 py-1 text-sm font-medium text-white hover:bg-navy-900"
                  >
                    {commune.name}
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <label htmlFor={`${id}-tim`} className="mt-3 block text-sm font-semibold text-slate-800">
            {labels.search}
          </label>
          <input
            id={`${id}-tim`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              // Enter filters; it must not submit the whole form.
              if (event.key === 'Enter') event.preventDefault()
            }}
            placeholder={labels.searchPlaceholder}
            autoComplete="off"
            className="mt-1 block min-h-10 w-full rounded border border-slate-400 bg-white px-3 text-base text-slate-900 placeholder:text-slate-500 focus:border-navy-700"
          />
        </div>
        <div className="max-h-64 overflow-y-auto p-2">
          {visible.length === 0 ? (
            <p className="px-2 py-1.5 text-sm text-slate-600">{labels.noMatch}</p>
          ) : (
            <ul className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
              {visible.map((commune) => {
                const checkboxId = `${id}-${commune.code}`
                return (
                  <li key={commune.id}>
                    <label htmlFor={checkboxId} className="flex cursor-pointer items-center gap-2.5 rounded px-2 py-1.5 text-sm hover:bg-navy-50">
                      <input
                        id={checkboxId}
                        type="checkbox"
                        checked={value.includes(commune.id)}
                        onChange={(event) => toggle(commune.id, event.target.checked)}
                        className="size-4 shrink-0 accent-navy-800"
                      />
                      <span className="text-slate-900">{commune.name}</span>
                      <span className="ml-auto font-mono text-xs text-slate-600">{commune.code}</span>
                    </label>
                  </li>
                )
              })}
            </ul>
          )}
        </div>
      </div>
      {error ? (
        <p id={errorId} className="mt-1.5 text-sm font-semibold text-gov-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}
