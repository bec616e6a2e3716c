import { getLocale, getTranslations } from 'next-intl/server'
import type { RequiredDocumentView } from '@/server/catalogue/procedure.dto'
import { padCount } from '@/lib/format/count'
import { Badge } from '@/components/ui/badge'
import { Notice } from '@/components/ui/notice'

export async function RequiredDocuments({ documents }: { documents: RequiredDocumentView[] }) {
  const [t, locale] = await Promise.all([getTranslations('Procedure'), getLocale()])
  if (documents.length === 0) return <Notice>{t('noDocuments')}</Notice>
  return (
    <ol className="divide-y divide-slate-200 border-y border-slate-200">
      {documents.map((document, index) => (
        <li key={document.key} className="flex gap-3 py-3">
          <span aria-hidden="true" className="w-6 shrink-0 text-right font-semibold text-slate-500 tabular-nums">
            {index + 1}.
          </span>
          <div className="min-w-0 flex-1">
            <p className="text-slate-900">{locale === 'en' ? document.nameEn : document.nameVi}</p>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
              <Badge tone={document.required ? 'navy' : 'slate'}>{document.required ? t('required') : t('optional')}</Badge>
              {document.presentOnly ? <Badge tone="slate">{t('presentOnly')}</Badge> : null}
              {document.copies !== null ? (
                <span>{t('copies', { count: document.copies, countPadded: padCount(document.copies) })}</span>
              ) : null}
            </p>
          </div>
        </li>
      ))}
    </ol>
  )
}
