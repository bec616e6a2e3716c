import Link from 'next/link'
import type { ProcedureSummary } from '@/server/catalogue/procedure.dto'
import { procedureHref } from './catalogue-href'
import type { CatalogueLabels } from './catalogue-labels'
import { OnlineLevelBadge } from './online-level-badge'

export type ProcedureListItemText = { code: string; deadline: string; fee: string }

export function ProcedureListItem({
  procedure,
  headingLevel,
  labels,
  text,
  commune,
}: {
  procedure: ProcedureSummary
  /** The commune chosen in the catalogue, carried to the procedure page. */
  commune?: string | undefined
  headingLevel: 3 | 4
  labels: CatalogueLabels
  text: ProcedureListItemText
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  const name = labels.name(procedure)
  return (
    <li className="py-4">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
        <div className="min-w-0">
          <Heading className="text-base leading-snug font-semibold">
            <Link href={procedureHref(procedure.slug, commune)} className="text-navy-800 hover:text-navy-600 hover:underline">
              {name}
            </Link>
          </Heading>
          {name !== procedure.nameVi ? (
            <p lang="vi" className="mt-0.5 text-sm text-slate-600">
              {procedure.nameVi}
            </p>
          ) : null}
          <dl className="mt-1.5 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-600">
            {procedure.nationalCode ? (
              <div className="flex gap-1">
                <dt>{text.code}:</dt>
                <dd className="font-medium text-slate-800 tabular-nums">{procedure.nationalCode}</dd>
              </div>
            ) : null}
            <div className="flex gap-1">
              <dt>{text.deadline}:</dt>
              <dd className="font-medium text-slate-800">{labels.deadline(procedure.deadline)}</dd>
            </div>
            <div className="flex gap-1">
              <dt>{text.fee}:</dt>
              <dd className="font-medium text-slate-800">{labels.fee(procedure.feeVnd)}</dd>
            </div>
          </dl>
        </div>
        <div className="shrink-0">
          <OnlineLevelBadge level={procedure.onlineLevel} label={labels.onlineLevel(procedure.onlineLevel)} />
        </div>
      </div>
    </li>
  )
}
