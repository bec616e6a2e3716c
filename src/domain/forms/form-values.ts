import type { FormDefinition } from './form-definition'

/**
 * The bridge between an HTML form and the form definition: how each field is named in the page, and how
 * the posted entries become the raw values object that `formSchema` validates and a draft keeps.
 *
 * Names (one flat HTML form for the whole definition):
 * - a top-level field: its key (`treHoTen`); a file slot: its key, once per attachment id;
 * - an address: `<key>.line` and `<key>.communeCode`;
 * - a field of a repeatable group's entry: `<group>.<index>.<key>` (and `.line` / `.communeCode` below it);
 *   each entry also posts `<group>.<index>._entry`, so an entry whose inputs are all blank or unchecked still
 *   counts as an entry.
 *
 * Raw values are what was typed (strings), never cleaned: a draft shows them again exactly, and the schema
 * decides what is valid. Unknown names are ignored.
 */

export type RawAddress = { line: string; communeCode: string }
export type RawLeafValue = string | string[] | RawAddress
export type RawGroupEntry = { [key: string]: RawLeafValue }
export type RawFormValues = { [key: string]: RawLeafValue | RawGroupEntry[] }

type Field = FormDefinition['sections'][number]['fields'][number]
type GroupField = Extract<Field, { type: 'group' }>
type LeafField = Exclude<Field, GroupField>

/** The marker each group entry posts (see the top of this file). */
export const GROUP_ENTRY_MARKER = '_entry'

/** Longest text kept from one input; longer posts are cut (the schema's own limits are far below). */
export const RAW_TEXT_MAX_LENGTH = 5000

/** Entries of one group read from a post, at most; more is not a form a person filled in. */
const MAX_POSTED_ENTRIES = 200

/** The HTML name of a field at a path of keys and entry indexes, e.g. `giayTo.0.soTrang`. */
export function fieldName(path: readonly (string | number)[]): string {
  return path.map(String).join('.')
}

/** A page id derived from a field name (HTML ids may not contain dots for CSS; keep them readable). */
export function fieldId(name: string): string {
  return `truong-${name.replace(/\./g, '-')}`
}

type Entries = Map<string, string[]>

function collect(entries: Iterable<readonly [string, unknown]>): Entries {
  const byName: Entries = new Map()
  for (const [name, value] of entries) {
    if (typeof value !== 'string') continue // files are stored by the caller, then posted as ids
    const list = byName.get(name) ?? []
    list.push(value.slice(0, RAW_TEXT_MAX_LENGTH))
    byName.set(name, list)
  }
  return byName
}

function readLeaf(field: LeafField, prefix: string, posted: Entries): RawLeafValue | undefined {
  const name = prefix + field.key
  switch (field.type) {
    case 'file': {
      const ids = (posted.get(name) ?? []).map((id) => id.trim()).filter((id) => id !== '')
      return ids.length > 0 ? [...new Set(ids)] : undefined
    }
    case 'address': {
      const line = posted.get(`${name}.line`)?.[0]
      const communeCode = posted.get(`${name}.communeCode`)?.[0]
      return line === undefined && communeCode === undefined ? undefined : { line: line ?? '', communeCode: communeCode ?? '' }
    }
    default:
      return posted.get(name)?.[0]
  }
}

function readLevel(fields: readonly LeafField[], prefix: string, posted: Entries): RawGroupEntry {
  const values: RawGroupEntry = {}
  for (const field of fields) {
    const value = readLeaf(field, prefix, posted)
    if (value !== undefined) values[field.key] = value
  }
  return values
}

/** The entry indexes of a group present in a post, in order. */
function postedIndexes(group: string, posted: Entries): number[] {
  const indexes = new Set<number>()
  const pattern = new RegExp(`^${group}\\.(\\d{1,4})\\.`)
  for (const name of posted.keys()) {
    const match = pattern.exec(name)
    if (match) indexes.add(Number(match[1]))
  }
  return [...indexes].sort((a, b) => a - b).slice(0, MAX_POSTED_ENTRIES)
}

/** The raw values of a posted form (FormData entries or URLSearchParams), by the names above. */
export function formValuesFromEntries(definition: FormDefinition, entries: Iterable<readonly [string, unknown]>): RawFormValues {
  const posted = collect(entries)
  const values: RawFormValues = {}
  for (const field of definition.sections.flatMap((section) => section.fields)) {
    if (field.type === 'group') {
      const list = postedIndexes(field.key, posted).map((index) => readLevel(field.fields, `${field.key}.${index}.`, posted))
      if (list.length > 0) values[field.key] = list
      continue
    }
    const value = readLeaf(field, '', posted)
    if (value !== undefined) values[field.key] = value
  }
  return values
}

/** Entries a group shows: those typed so far, or its minimum (at least one) of empty ones. */
export function groupEntriesToShow(field: GroupField, raw: unknown): RawGroupEntry[] {
  const typed = Array.isArray(raw) ? raw.filter((entry): entry is RawGroupEntry => typeof entry === 'object' && entry !== null) : []
  const minimum = Math.max(field.minItems, 1)
  return typed.length >= minimum ? typed : [...typed, ...Array.from({ length: minimum - typed.length }, () => ({}))]
}

/** One more empty entry at the end of a group (the "add" button), up to its maximum. */
export function withEntryAdded(definition: FormDefinition, values: RawFormValues, group: string): RawFormValues {
  const field = definition.sections.flatMap((section) => section.fields).find((candidate) => candidate.key === group)
  if (field?.type !== 'group') return values
  const entries = groupEntriesToShow(field, values[group])
  if (entries.length >= field.maxItems) return { ...values, [group]: entries }
  return { ...values, [group]: [...entries, {}] }
}

/** A group without one of its entries (the "remove" button); a group never shows fewer than its minimum. */
export function withEntryRemoved(definition: FormDefinition, values: RawFormValues, group: string, index: number): RawFormValues {
  const field = definition.sections.flatMap((section) => section.fields).find((candidate) => candidate.key === group)
  if (field?.type !== 'group') return values
  const entries = groupEntriesToShow(field, values[group])
  if (index < 0 || index >= entries.length || entries.length <= Math.max(field.minItems, 1)) return values
  return { ...values, [group]: entries.filter((_, position) => position !== index) }
}

/** The text a leaf input shows for a raw value (address parts and files are read by their own inputs). */
export function textOf(raw: unknown): string {
  return typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : ''
}

/**
 * The names file fields are posted under, with their slot: every top-level file field, and those of the group
 * entries the values hold (`giayTo.0.banSao`).
 */
export function fileFieldSlots(definition: FormDefinition, values: RawFormValues): Map<string, string> {
  const slots = new Map(attachmentIdsOf(definition, values).map((slot) => [slot.name, slot.documentKey]))
  for (const field of definition.sections.flatMap((section) => section.fields)) if (field.type === 'file') slots.set(field.key, field.documentKey)
  return slots
}

/** Every attachment id the raw values name, with the field name it is posted under. */
export function attachmentIdsOf(definition: FormDefinition, values: RawFormValues): { name: string; documentKey: string; ids: string[] }[] {
  const result: { name: string; documentKey: string; ids: string[] }[] = []
  const ids = (raw: unknown): string[] => (Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string') : [])
  for (const field of definition.sections.flatMap((section) => section.fields)) {
    if (field.type === 'file') result.push({ name: field.key, documentKey: field.documentKey, ids: ids(values[field.key]) })
    if (field.type === 'group') {
      const entries = values[field.key]
      if (!Array.isArray(entries)) continue
      for (const [index, entry] of entries.entries()) {
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) continue
        for (const inner of field.fields) {
          if (inner.type === 'file') result.push({ name: fieldName([field.key, index, inner.key]), documentKey: inner.documentKey, ids: ids((entry as RawGroupEntry)[inner.key]) })
        }
      }
    }
  }
  return result
}
