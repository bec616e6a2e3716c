import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import type { ProcedureDetail } from '@/server/catalogue/procedure.dto'
import { buttonStyles } from '@/components/ui/button-styles'
import { procedureHref } from './catalogue-href'
import type { CatalogueLabels } from './catalogue-labels'

/** The call to action beside a procedure: apply online (through sign-in), or where to go in person. */
export async function SubmitPanel({ procedure, labels, communeCode }: { procedure: ProcedureDetail; labels: CatalogueLabels; communeCode?: string }) {
  const [t, catalogue] = await Promise.all([getTranslations('Procedure'), getTranslations('Catalogue')])
  // The application page asks for sign-in itself (and comes back); a commune chosen in the catalogue comes along.
  const apply = `${procedureHref(procedure.slug)}/nop-ho-so${communeCode ? `?${new URLSearchParams({ xa: communeCode })}` : ''}`
  return (
    <div className="rounded border border-navy-200 bg-white p-5 shadow-sm">
      <dl className="grid grid-cols-2 gap-4 text-sm">
        <div>
          <dt className="text-slate-600">{catalogue('deadlineLabel')}</dt>
          <dd className="mt-0.5 font-semibold text-navy-900">{labels.deadline(procedure.deadline)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{catalogue('feeLabel')}</dt>
          <dd className="mt-0.5 font-semibold text-navy-900">{labels.fee(procedure.feeVnd)}</dd>
        </div>
      </dl>
      {procedure.canSubmitOnline ? (
        <>
          <Link href={apply} prefetch={false} className={`${buttonStyles.primary} mt-5 w-full`}>
            {t('submitOnline')}
          </Link>
          <p className="mt-3 text-sm text-slate-600">{t('submitNeedsSignIn')}</p>
        </>
      ) : (
        <p className="mt-5 rounded bg-slate-100 p-3 text-sm text-slate-800">{t('deskOnly')}</p>
      )}
    </div>
  )
}
