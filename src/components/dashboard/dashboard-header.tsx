import type { ReactNode } from 'react'
import { getTranslations } from 'next-intl/server'
import { Breadcrumb, type Crumb } from '@/components/ui/breadcrumb'

/** The top of a dashboard page: the way back (province → commune → procedure → list), the title and a lead. */
export async function DashboardHeader({ crumbs, title, lead, children }: { crumbs: Crumb[]; title: ReactNode; lead?: ReactNode; children?: ReactNode }) {
  const t = await getTranslations('Dashboard')
  return (
    <div>
      {crumbs.length > 1 ? <Breadcrumb label={t('breadcrumb')} crumbs={crumbs} /> : null}
      <div className="mt-3 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold text-navy-900">{title}</h1>
          {lead ? <p className="mt-1 max-w-3xl text-slate-700">{lead}</p> : null}
        </div>
        {children}
      </div>
    </div>
  )
}
