import type { Metadata } from 'next'
import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { CommuneIndexView } from '@/components/service-index/commune-index-view'
import { IndexPeriodForm } from '@/components/service-index/period-form'
import { Breadcrumb } from '@/components/ui/breadcrumb'
import { DEFAULT_PERIOD_DAYS } from '@/domain/stats/dashboard-metrics-types'
import { periodOrDefault } from '@/domain/stats/dashboard-metrics'
import { hrefWith, parseSimulationParams, periodParams, simulationParams } from '@/domain/stats/service-index-params'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { orNotFound } from '@/server/http/page-result'
import { getCommuneServiceIndex } from '@/server/stats/service-index-commune'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ServiceIndex'))('rankingTitle') }
}

type SearchParams = Record<string, string | string[] | undefined>

/** One commune's Decision 766 index for a province officer or an administrator: every figure explained, the simulator. */
export default async function CommuneServiceIndexPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<SearchParams> }) {
  const { code } = await params
  const path = `/tinh/xa/${encodeURIComponent(code)}/chi-so`
  const actor = await requirePagePermission('dashboard.readProvince', path)
  const query = await searchParams
  const now = new Date()
  const { period, fieldErrors } = periodOrDefault(query, now)
  const invalid = fieldErrors !== null
  const simulation = parseSimulationParams(query)
  const [data, t] = await Promise.all([orNotFound(getCommuneServiceIndex(db(), { actor, communeCode: code, period, simulation })), getTranslations('ServiceIndex')])
  const base = periodParams(period)
  const communeName = data.commune.name
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
      <Breadcrumb
        label={t('breadcrumb')}
        crumbs={[
          { label: t('crumbs.province'), href: hrefWith('/tinh', base) },
          { label: t('crumbs.ranking'), href: hrefWith('/tinh/chi-so', base) },
          { label: t('crumbs.commune', { commune: communeName }) },
        ]}
      />
      <div>
        <h1 className="text-2xl font-bold text-navy-900">{t('communeTitle', { commune: communeName })}</h1>
        <p className="mt-1 text-slate-700">{t('communeLead', { commune: communeName })}</p>
        <p className="mt-2 text-sm">
          <Link href={hrefWith(`/tinh/xa/${data.commune.code}`, base)} className="text-navy-800 underline underline-offset-2">
            {t('ranking.dashboardLinkLabel', { commune: communeName })}
          </Link>
        </p>
      </div>
      <IndexPeriodForm
        period={period}
        invalid={invalid}
        keep={simulationParams(simulation)}
        presetHref={(days) => hrefWith(path, { ...(days === DEFAULT_PERIOD_DAYS ? {} : { ky: String(days) }), ...simulationParams(simulation) })}
      />
      <CommuneIndexView
        keep={base}
        data={{
          communeName,
          periodTo: period.to,
          config: data.config,
          index: data.index,
          simulation: data.simulation,
          catalogue: data.catalogue,
          unavailable: data.unavailable,
          unconfirmed: data.unconfirmed,
        }}
      />
    </div>
  )
}
