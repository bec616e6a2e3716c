import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { CommuneIndexView } from '@/components/service-index/commune-index-view'
import { IndexCommunePicker } from '@/components/service-index/commune-picker'
import { IndexPeriodForm } from '@/components/service-index/period-form'
import { Breadcrumb } from '@/components/ui/breadcrumb'
import { Notice } from '@/components/ui/notice'
import { DEFAULT_PERIOD_DAYS } from '@/domain/stats/dashboard-metrics-types'
import { periodOrDefault } from '@/domain/stats/dashboard-metrics'
import { hrefWith, parseSimulationParams, periodParams, simulationParams } from '@/domain/stats/service-index-params'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { orNotFound } from '@/server/http/page-result'
import { getCommuneServiceIndex } from '@/server/stats/service-index-commune'
import { listStaffIndexCommunes } from '@/server/stats/service-index-scope'

const PATH = '/can-bo/chi-so'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('ServiceIndex'))('staffTitle') }
}

type SearchParams = Record<string, string | string[] | undefined>

/** The Decision 766 index of the commune the staff member works for (`xa` picks one when they work for several). */
export default async function StaffServiceIndexPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePagePermission('dashboard.readCommune', PATH)
  const t = await getTranslations('ServiceIndex')
  const communes = await listStaffIndexCommunes(db(), actor)
  const first = communes[0]
  if (!first) {
    return (
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <h1 className="text-2xl font-bold text-navy-900">{t('staffTitle')}</h1>
        <div className="mt-4">
          <Notice tone="warning">{(await getTranslations('Dossier.staff'))('noCommune')}</Notice>
        </div>
      </div>
    )
  }
  const query = await searchParams
  const now = new Date()
  const { period, fieldErrors } = periodOrDefault(query, now)
  const invalid = fieldErrors !== null
  const simulation = parseSimulationParams(query)
  const wanted = typeof query.xa === 'string' ? query.xa : undefined
  const code = communes.find((commune) => commune.code === wanted)?.code ?? first.code
  const data = await orNotFound(getCommuneServiceIndex(db(), { actor, communeCode: code, period, simulation }))
  const base = periodParams(period)
  const communeParam: Record<string, string> = communes.length > 1 ? { xa: code } : {}
  return (
    <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
      <Breadcrumb label={t('breadcrumb')} crumbs={[{ label: t('crumbs.staff'), href: '/can-bo' }, { label: t('crumbs.ranking') }]} />
      <div>
        <h1 className="text-2xl font-bold text-navy-900">{t('communeTitle', { commune: data.commune.name })}</h1>
        <p className="mt-1 text-slate-700">{t('communeLead', { commune: data.commune.name })}</p>
      </div>
      {communes.length > 1 ? <IndexCommunePicker communes={communes} current={code} keep={{ ...base, ...simulationParams(simulation) }} /> : null}
      <IndexPeriodForm
        period={period}
        invalid={invalid}
        keep={{ ...communeParam, ...simulationParams(simulation) }}
        presetHref={(days) => hrefWith(PATH, { ...communeParam, ...(days === DEFAULT_PERIOD_DAYS ? {} : { ky: String(days) }), ...simulationParams(simulation) })}
      />
      <CommuneIndexView
        keep={{ ...communeParam, ...base }}
        data={{
          communeName: data.commune.name,
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
