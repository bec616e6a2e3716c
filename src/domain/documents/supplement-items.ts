export type SupplementItem = { label: string; note: string | null }

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim().replace(/\s+/g, ' ') : null)

/**
 * The missing items of a supplement request, from `SupplementRequest.items` (JSON, written by the seed and by
 * staff): an array of `{ key?, label, note? }`. Read defensively — entries that are plain strings, that name
 * their text `nameVi`/`name`/`title`, or carry only a note are kept; anything without text is left out.
 */
export function readSupplementItems(items: unknown): SupplementItem[] {
  if (!Array.isArray(items)) return []
  return items.flatMap((item: unknown): SupplementItem[] => {
    if (typeof item === 'string') return text(item) ? [{ label: text(item)!, note: null }] : []
    if (typeof item !== 'object' || item === null) return []
    const record = item as Record<string, unknown>
    const label = text(record.label) ?? text(record.nameVi) ?? text(record.name) ?? text(record.title)
    const note = text(record.note) ?? text(record.description)
    if (label) return [{ label, note: note === label ? null : note }]
    return note ? [{ label: note, note: null }] : []
  })
}

/** One printed line per item: "Tờ khai – ghi thiếu ngày sinh". */
export function supplementItemLine(item: SupplementItem): string {
  return item.note ? `${item.label}: ${item.note}` : item.label
}
