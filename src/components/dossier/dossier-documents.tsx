import { getTranslations } from 'next-intl/server'
import type { DocumentForm } from '@/domain/documents/document-form'

/** Where a printout is served (app/api/dossiers/[ref]/documents/[form]/route.ts). */
export const dossierDocumentHref = (code: string, form: DocumentForm) => `/api/dossiers/${encodeURIComponent(code)}/documents/${form}`

/**
 * The printouts a dossier has now, as links that open the PDF in a new tab. Give it the result of
 * `listDossierDocuments(db(), { actor, ref })` (server/documents/list-dossier-documents.ts); it renders
 * nothing when there is nothing to print.
 */
export async function DossierDocuments({ code, forms }: { code: string; forms: readonly DocumentForm[] }) {
  if (forms.length === 0) return null
  const t = await getTranslations('DossierDocuments')
  return (
    <section aria-labelledby="giay-to-in" className="mt-8 max-w-3xl">
      <h2 id="giay-to-in" className="text-lg font-semibold text-navy-900">
        {t('title')}
      </h2>
      <p className="text-sm text-slate-600">{t('lead')}</p>
      <ul className="mt-3 space-y-2">
        {forms.map((form) => (
          <li key={form}>
            <a
              href={dossierDocumentHref(code, form)}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex items-center gap-2 rounded border border-slate-300 bg-white px-3 py-2 text-sm font-semibold text-navy-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2"
            >
              <span>{t(`form.${form}`)}</span>
              <span className="sr-only"> {t('opensInNewTab')}</span>
              <span aria-hidden="true">↗</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
