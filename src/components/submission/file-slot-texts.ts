import 'server-only'
import { getLocale, getTranslations } from 'next-intl/server'
import type { FileSlotTexts } from './file-slot'

/**
 * The texts of FileSlot in the page's language (messages/uploads). Taken raw: their `{name}`, `{percent}`,
 * `{maxFiles}`… are filled in by the component, per file and per slot; the message bundle stays on the server.
 */
export async function fileSlotTexts(): Promise<FileSlotTexts> {
  const [t, locale] = await Promise.all([getTranslations('Uploads'), getLocale()])
  const raw = (key: string) => t.raw(key) as string
  return {
    locale: locale === 'en' ? 'en' : 'vi',
    required: raw('required'),
    choose: raw('choose'),
    hint: raw('hint'),
    countOne: raw('countOne'),
    countMany: raw('countMany'),
    or: raw('or'),
    full: raw('full'),
    uploadedTitle: raw('uploadedTitle'),
    uploading: raw('uploading'),
    percent: raw('percent'),
    progressLabel: raw('progressLabel'),
    uploaded: raw('uploaded'),
    cancel: raw('cancel'),
    cancelLabel: raw('cancelLabel'),
    cancelled: raw('cancelled'),
    previewLabel: raw('previewLabel'),
    remove: raw('remove'),
    removeLabel: raw('removeLabel'),
    removed: raw('removed'),
    keep: raw('keep'),
    dismiss: raw('dismiss'),
    dismissLabel: raw('dismissLabel'),
    failed: raw('failed'),
    errors: t.raw('errors') as Record<string, string>,
  }
}
