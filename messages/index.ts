/**
 * All user-facing text, by locale. Each feature keeps its namespaces in its own pair of files
 * (`<feature>/vi.json`, `<feature>/en.json`) so features can be added without touching one big file.
 */
import type { Locale } from '@/i18n/config'
import coreVi from './vi.json'
import coreEn from './en.json'

export const MESSAGES = {
  vi: { ...coreVi },
  en: { ...coreEn },
} satisfies Record<Locale, Record<string, unknown>>
