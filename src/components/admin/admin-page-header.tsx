import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { Breadcrumb, type Crumb } from '@/components/ui/breadcrumb'

const TABS = [
  { key: 'staff', href: '/quan-tri' },
  { key: 'audit', href: '/quan-tri/nhat-ky' },
  { key: 'workflows', href: '/quan-tri/quy-trinh' },
  { key: 'communes', href: '/quan-tri/xa-phuong' },
  { key: 'procedures', href: '/quan-tri/thu-tuc' },
] as const

/**
 * The top of every administration page: breadcrumb, the sections as tabs, the title, a lead and
 * the page's main actions.
 */
export async function AdminPageHeader({
  current,
  crumbs,
  title,
  lead,
  actions,
  children,
}: {
  current: (typeof TABS)[number]['key']
  crumbs: Crumb[]
  title: string
  lead?: string
  actions?: ReactNode
  /** More about the page, under the lead (e.g. a commune's former units). */
  children?: ReactNode
}) {
  const t = await getTranslations('Admin')
  return (
    <div className="border-b border-navy-100 bg-navy-50">
      <div className="mx-auto max-w-6xl px-4 pt-6 sm:px-6">
        <Breadcrumb label={t('breadcrumb')} crumbs={[{ label: t('home'), href: '/' }, ...crumbs]} />
        <div className="mt-4 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
          <div className="min-w-0">
            <h1 className="text-2xl font-bold tracking-tight text-navy-900 sm:text-3xl">{title}</h1>
            {lead ? <p className="mt-2 max-w-3xl text-slate-700">{lead}</p> : null}
            {children}
          </div>
          {actions ? <div className="flex shrink-0 flex-wrap gap-3">{actions}</div> : null}
        </div>
        <nav aria-label={t('tabs.label')} className="mt-6">
          <ul className="-mb-px flex gap-1 overflow-x-auto">
            {TABS.map((tab) => {
              const active = tab.key === current
              return (
                <li key={tab.key}>
                  <Link
                    href={tab.href}
                    aria-current={active ? 'page' : undefined}
                    className={
                      active
                        ? 'block rounded-t border border-b-white border-navy-100 bg-white px-4 py-2.5 text-sm font-semibold whitespace-nowrap text-navy-900'
                        : 'block rounded-t px-4 py-2.5 text-sm font-semibold whitespace-nowrap text-navy-700 hover:bg-white/60'
                    }
                  >
                    {t(`tabs.${tab.key}`)}
                  </Link>
                </li>
              )
            })}
          </ul>
        </nav>
      </div>
    </div>
  )
}
