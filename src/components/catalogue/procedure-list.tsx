import { getTranslations } from 'next-intl/server'
import type { ProcedureSummary } from '@/server/catalogue/procedure.dto'
import { asciiKey } from '@/lib/format/ascii-key'
import { catalogueLabels, type CatalogueLabels } from './catalogue-labels'
import { ProcedureListItem, type ProcedureListItemText } from './procedure-list-item'

function groupByField(procedures: ProcedureSummary[]): [string, ProcedureSummary[]][] {
  const groups = new Map<string, ProcedureSummary[]>()
  for (const procedure of procedures) {
    const group = groups.get(procedure.field)
    if (group) group.push(procedure)
    else groups.set(procedure.field, [procedure])
  }
  return [...groups]
}

type ListProps = { procedures: ProcedureSummary[]; labels: CatalogueLabels; text: ProcedureListItemText; commune: string | undefined }

function FlatList({ procedures, headingLevel, labels, text, commune }: ListProps & { headingLevel: 3 | 4 }) {
  return (
    <ul className="divide-y divide-slate-200 border-y border-slate-200">
      {procedures.map((procedure) => (
        <ProcedureListItem key={procedure.slug} procedure={procedure} headingLevel={headingLevel} labels={labels} text={text} commune={commune} />
      ))}
    </ul>
  )
}

/** Procedures in the order given, either as one list (search results) or under a heading per field. */
export async function ProcedureList({ procedures, grouped, commune }: { procedures: ProcedureSummary[]; grouped: boolean; commune?: string | undefined }) {
  const [t, labels] = await Promise.all([getTranslations('Catalogue'), catalogueLabels()])
  const text = { code: t('code'), deadline: t('deadlineLabel'), fee: t('feeLabel') }
  if (!grouped) return <FlatList procedures={procedures} headingLevel={3} labels={labels} text={text} commune={commune} />
  return (
    <div className="space-y-8">
      {groupByField(procedures).map(([field, items]) => {
        const headingId = `linh-vuc-${asciiKey(field)}`
        const label = labels.field(field)
        return (
          <section key={field} aria-labelledby={headingId}>
            <h3 id={headingId} className="mb-1 flex items-baseline gap-2 text-lg font-bold text-navy-900">
              <span lang={label.lang}>{label.text}</span>
              <span className="text-sm font-normal text-slate-600">({t('fieldCount', { count: items.length })})</span>
            </h3>
            <FlatList procedures={items} headingLevel={4} labels={labels} text={text} commune={commune} />
          </section>
        )
      })}
    </div>
  )
}
