import { getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import type { ProcedureDetail } from '@/server/catalogue/procedure.dto'
import type { CatalogueLabels } from './catalogue-labels'

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-200 py-3 sm:grid-cols-[13rem_1fr] sm:gap-4">
      <dt className="font-semibold text-slate-700">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  )
}

export async function ProcedureFacts({ procedure, labels }: { procedure: ProcedureDetail; labels: CatalogueLabels }) {
  const t = await getTranslations('Procedure')
  const field = labels.field(procedure.field)
  // Fee notes and legal references exist only in Vietnamese: marked so, screen readers pronounce them right.
  const vietnameseOnly = labels.locale === 'vi' ? undefined : 'vi'
  return (
    <dl className="border-t border-slate-200">
      {procedure.nationalCode ? (
        <Fact label={t('code')}>
          <span className="tabular-nums">{procedure.nationalCode}</span>
        </Fact>
      ) : null}
      <Fact label={t('field')}>
        <span lang={field.lang}>{field.text}</span>
      </Fact>
      <Fact label={t('agency')}>{t('agencyValue')}</Fact>
      <Fact label={t('place')}>{t('placeValue')}</Fact>
      <Fact label={t('onlineLevel')}>{labels.onlineLevelLong(procedure.onlineLevel)}</Fact>
      <Fact label={t('deadline')}>{labels.deadline(procedure.deadline, true)}</Fact>
      <Fact label={t('fee')}>
        <span className="font-semibold">{labels.fee(procedure.feeVnd)}</span>
        {procedure.feeNote ? (
          <p lang={vietnameseOnly} className="mt-1 text-sm text-slate-700">
            {procedure.feeNote}
          </p>
        ) : null}
      </Fact>
      {procedure.legalBasis ? (
        <Fact label={t('legalBasis')}>
          <span lang={vietnameseOnly}>{procedure.legalBasis}</span>
        </Fact>
      ) : null}
    </dl>
  )
}
