import { getTranslations } from 'next-intl/server'
import { STAFF_ROLES, type StaffRole } from '@/domain/access/roles'
import { staffListHref } from './admin-hrefs'
import Link from 'next/link'

export type StaffCountsView = { total: number; disabled: number; byRole: Record<StaffRole, number> }

const cardClass = 'block rounded border border-slate-200 bg-white px-4 py-3 hover:border-navy-600 hover:bg-navy-50'

/** Totals by role (each a link to the list filtered by it), the whole count and the disabled accounts. */
export async function StaffCounts({ counts }: { counts: StaffCountsView }) {
  const t = await getTranslations('Admin')
  const cards = [
    { key: 'total', label: t('staffList.total'), count: counts.total, href: staffListHref({}) },
    ...STAFF_ROLES.map((role) => ({ key: role, label: t(`roles.${role}`), count: counts.byRole[role], href: staffListHref({ role }) })),
    { key: 'disabled', label: t('staffList.disabled'), count: counts.disabled, href: staffListHref({ status: 'disabled' }) },
  ]
  return (
    <section aria-labelledby="so-tai-khoan">
      <h2 id="so-tai-khoan" className="sr-only">
        {t('staffList.countsLabel')}
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        {cards.map((card) => (
          <li key={card.key}>
            <Link href={card.href} className={cardClass}>
              <span className="block text-2xl font-bold text-navy-900 tabular-nums">{card.count}</span>
              <span className="block text-sm text-slate-700">{card.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
