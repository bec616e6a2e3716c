import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import type { DashboardAlerts } from '@/domain/stats/dashboard-metrics-types'
import { dashboardFormat } from './format'

/**
 * The communes to look at: those whose daily load passed the threshold on some day of the period, and those
 * whose overdue dossiers jumped (the rules are in src/domain/stats/dashboard-metrics.ts).
 */
export async function AlertLists({ alerts, communeHref, overdueHref }: { alerts: DashboardAlerts; communeHref: (code: string) => string; overdueHref: (code: string) => string }) {
  const [t, root, locale] = await Promise.all([getTranslations('Dashboard.alerts'), getTranslations('Dashboard'), getLocale()])
  const f = dashboardFormat(locale, root('noData'))
  const threshold = f.count(alerts.threshold)
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section aria-labelledby="canh-bao-qua-tai" className="rounded border border-slate-200 bg-white p-4" data-testid="load-alerts">
        <h3 id="canh-bao-qua-tai" className="font-semibold text-navy-900">
          {t('load', { threshold })}
        </h3>
        {alerts.load.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t('loadNone', { threshold })}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 text-sm">
            {alerts.load.map((alert) => (
              <li key={alert.communeId} className="flex flex-wrap justify-between gap-x-3 py-1.5" data-commune={alert.communeCode}>
                <Link href={communeHref(alert.communeCode)} className="font-semibold text-navy-800 underline">
                  {alert.communeName}
                </Link>
                <span className="text-slate-700">{t('loadRow', { days: alert.daysOver, peak: f.count(alert.peakReceived), day: f.date(alert.peakDay) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="canh-bao-qua-han" className="rounded border border-slate-200 bg-white p-4" data-testid="overdue-alerts">
        <h3 id="canh-bao-qua-han" className="font-semibold text-navy-900">
          {t('overdue')}
        </h3>
        <p className="mt-1 text-xs text-slate-600">{t('overdueLead')}</p>
        {alerts.overdueJump.length === 0 ? (
          <p className="mt-2 text-sm text-slate-700">{t('overdueNone')}</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 text-sm">
            {alerts.overdueJump.map((alert) => (
              <li key={alert.communeId} className="flex flex-wrap justify-between gap-x-3 py-1.5" data-commune={alert.communeCode}>
                <Link href={communeHref(alert.communeCode)} className="font-semibold text-navy-800 underline">
                  {alert.communeName}
                </Link>
                <span className="text-slate-800">
                  {t('overdueRow', { lastWeek: f.count(alert.lastWeek), previousWeek: f.count(alert.previousWeek), trigger: f.count(alert.trigger) })}
                </span>
                {/* All of the commune's overdue dossiers now: more than the week's count the row shows, so a link apart. */}
                <Link href={overdueHref(alert.communeCode)} className="text-navy-800 underline">
                  {t('overdueListLink')}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
