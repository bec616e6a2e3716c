import { describe, expect, it } from 'vitest'
import { UPLOAD_ERROR_CODES } from '@/domain/attachments/validate-uploads'
import { SLOT_ERROR_CODES } from '@/domain/forms/file-slots'
import en from '../../../messages/uploads/en.json'
import vi from '../../../messages/uploads/vi.json'

const keysOf = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([key, inner]) => keysOf(inner, `${prefix}${key}.`)) : [prefix.slice(0, -1)]

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()

describe('upload texts', () => {
  it('say the same things in Vietnamese and English, with the same placeholders', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(vi).sort())
    const lookup = (messages: unknown, path: string) => path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages) as string
    for (const path of keysOf(vi)) expect(placeholders(lookup(en, path)), path).toEqual(placeholders(lookup(vi, path)))
  })

  it('word every refusal an upload can get', () => {
    // The upload checks, the slot checks, the endpoint's own (413, 404, 401, the proxy's CSRF refusal) and the network.
    const codes = [...UPLOAD_ERROR_CODES, ...SLOT_ERROR_CODES, 'REQUEST_TOO_LARGE', 'NOT_FOUND', 'UNAUTHENTICATED', 'CROSS_SITE_REQUEST', 'NETWORK', 'INTERNAL']
    for (const messages of [vi, en]) for (const code of codes) expect(messages.Uploads.errors, code).toHaveProperty(code)
  })
})
