import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { COLLECTION_ACCOUNT_STATES, type CollectionAccountState } from '@/domain/payments/collection-account'
import { communeAccountsHref } from './hrefs'

const cardClass = 'block rounded border border-slate-200 bg-white px-4 py-3 hover:border-navy-600 hover:bg-navy-50'

/** Active communes by state of their account, each a link to the list filtered by it. */
export async function AccountCounts({ counts }: { counts: { total: number } & Record<CollectionAccountState, number> }) {
  const t = await getTranslations('AdminCommunes')
  const cards = [
    { key: 'total', label: t('counts.total'), count: counts.total, href: communeAccountsHref({}) },
    ...COLLECTION_ACCOUNT_STATES.map((state) => ({ key: state, label: t(`counts.${state}`), count: counts[state], href: communeAccountsHref({ account: state }) })),
  ]
  return (
    <section aria-labelledby="so-xa-phuong">
      <h2 id="so-xa-phuong" className="sr-only">
        {t('list.countsLabel')}
      </h2>
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
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
