import { getLocale, getTranslations } from 'next-intl/server'
import type { Deadline } from '@/domain/procedure/deadline'
import type { OnlineLevelView } from '@/server/catalogue/procedure.dto'
import { asciiKey } from '@/lib/format/ascii-key'
import { describeDeadline } from '@/lib/format/deadline'
import { formatVnd } from '@/lib/format/vnd'
import { localizedName } from './localized-name'

/** Text with the language it is written in, when that differs from the page's. */
export type Labelled = { text: string; lang?: 'vi' }

/**
 * How catalogue data reads in the visitor's language, loaded once per component that lists procedures
 * (plain functions, not one async component per value: the page streams far fewer pieces).
 */
export async function catalogueLabels() {
  const [locale, deadlineT, feeT, levelT, fieldT] = await Promise.all([
    getLocale(),
    getTranslations('Deadline'),
    getTranslations('Fee'),
    getTranslations('OnlineLevel'),
    getTranslations('Catalogue.fields'),
  ])
  return {
    locale,
    name: (procedure: { nameVi: string; nameEn: string }) => localizedName(procedure, locale),
    /** "Trong ngày", "03 ngày làm việc"; `detailed` adds the cut-off hour and the possible extension. */
    deadline: (deadline: Deadline | null, detailed = false) =>
      deadline ? describeDeadline(deadline, (phrase, values) => deadlineT(phrase, values), { detailed }) : deadlineT('unknown'),
    /** "Miễn phí", "8.000 ₫", or "Theo quy định" when the amount is set elsewhere (see the fee note). */
    fee: (feeVnd: number | null) => (feeVnd === null ? feeT('unknown') : feeVnd === 0 ? feeT('free') : formatVnd(feeVnd, locale)),
    onlineLevel: (level: OnlineLevelView) => levelT(level),
    onlineLevelLong: (level: OnlineLevelView) => levelT(`long.${level}`),
    /** Fields are stored by their Vietnamese name; other languages translate the names they know. */
    field: (field: string): Labelled => {
      const key = asciiKey(field)
      if (fieldT.has(key)) return { text: fieldT(key) }
      return locale === 'vi' ? { text: field } : { text: field, lang: 'vi' }
    },
  }
}

export type CatalogueLabels = Awaited<ReturnType<typeof catalogueLabels>>
