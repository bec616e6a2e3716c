import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { formatVnd } from '@/lib/format/vnd'
import { CommunePicker } from '@/components/staff-payments/commune-picker'
import { ExceptionsList } from '@/components/staff-payments/exceptions-list'
import { ExportLinks } from '@/components/staff-payments/export-links'
import { OutstandingTable } from '@/components/staff-payments/outstanding-table'
import { PaymentSummary } from '@/components/staff-payments/payment-summary'
import { PaymentsByDayTable, PaymentsByMethodTable } from '@/components/staff-payments/payments-report-tables'
import { PeriodForm, type PeriodLink } from '@/components/staff-payments/period-form'
import { RecentImportsTable } from '@/components/staff-payments/recent-imports-table'
import { StaffPaymentsMessages } from '@/components/staff-payments/staff-payments-messages'
import { StatementFormatHelp } from '@/components/staff-payments/statement-format-help'
import { StatementImportForm } from '@/components/staff-payments/statement-import-form'
import { Notice } from '@/components/ui/notice'
import { dayPeriod, formatLocalDate, monthPeriod, type PaymentPeriod } from '@/domain/payments/payment-period'
import { getActor } from '@/server/auth/session'
import { db } from '@/server/db'
import { orNotFound } from '@/server/http/page-result'
import { getCommunePayments } from '@/server/payments/commune-payments'
import { canReadCommunePayments, listPaymentCommunes } from '@/server/payments/payment-commune-scope'
import { isPaymentStaff } from '@/server/payments/payment-staff'
import { importStatementAction, resolveStatementLineAction } from './actions'

const PATH = '/can-bo/thanh-toan'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('StaffPayments'))('title') }
}

type SearchParams = Record<string, string | string[] | undefined>
const single = (params: SearchParams) => Object.fromEntries(Object.entries(params).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value]] : [])))

/**
 * The commune's fees and payments: the period's money by day and method, exports, statement import and the
 * reconciliation exceptions, and the dossiers still owing. Clerks and leaders of the commune work here; a
 * province officer or an administrator reads (read-only) the communes in their scope.
 */
export default async function StaffPaymentsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await getActor()
  if (!actor) redirect(`/dang-nhap?next=${encodeURIComponent(PATH)}`)
  if (!canReadCommunePayments(actor)) notFound()
  const [t, locale] = await Promise.all([getTranslations('StaffPayments'), getLocale()])
  const container = 'mx-auto max-w-7xl px-4 py-8 sm:px-6'
  if (isPaymentStaff(actor) && actor.communeIds.length === 0) {
    return (
      <div className={container}>
        <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
        <div className="mt-4">
          <Notice tone="warning">{(await getTranslations('Dossier.staff'))('noCommune')}</Notice>
        </div>
      </div>
    )
  }

  const query = single(await searchParams)
  const now = new Date()
  const [data, communes] = await Promise.all([orNotFound(getCommunePayments(db(), { actor, query, now })), listPaymentCommunes(db(), actor)])
  const picker =
    communes.length > 1 ? (
      <CommunePicker communes={communes} current={data?.commune.code ?? null} period={{ from: query.from ?? '', to: query.to ?? '' }} />
    ) : null
  if (!data) {
    return (
      <div className={container}>
        <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
        <p className="mt-2 text-slate-700">{t('commune.pickFirst')}</p>
        <div className="mt-4">{picker}</div>
      </div>
    )
  }

  const { commune, period, report } = data
  const dates = (of: Pick<PaymentPeriod, 'from' | 'to'>) => ({ from: formatLocalDate(of.from), to: formatLocalDate(of.to) })
  const shown = dates(period)
  const href = (extra: Record<string, string> = {}, of: { from: string; to: string } = shown) => `${PATH}?${new URLSearchParams({ commune: commune.code, ...of, ...extra }).toString()}`
  const presets: PeriodLink[] = (
    [
      ['today', dayPeriod(now)],
      ['thisMonth', monthPeriod(now)],
      ['lastMonth', monthPeriod(now, 1)],
    ] as const
  ).map(([key, preset]) => ({ key, href: href({}, dates(preset)), current: preset.from === period.from && preset.to === period.to }))
  const hasPeriodErrors = Object.keys(data.periodErrors).length > 0
  const sectionNav = [
    { id: 'tong-hop', label: t('summary.title') },
    { id: 'doi-soat', label: t('exceptions.title') },
    { id: 'con-phai-thu', label: t('outstanding.title') },
  ]

  return (
    <div className={container}>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
          <p className="mt-1 text-slate-700">{t('lead', { commune: commune.name })}</p>
        </div>
        {picker}
      </div>
      {commune.canWrite ? null : (
        <div className="mt-4">
          <Notice>{t('readOnly')}</Notice>
        </div>
      )}
      <nav aria-label={t('sections')} className="mt-4">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {sectionNav.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`} className="font-semibold text-navy-800 underline">
                {section.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <div className="mt-4">
        <PeriodForm commune={commune.code} values={hasPeriodErrors ? data.periodInput : shown} errors={data.periodErrors} presets={presets} />
        {hasPeriodErrors ? (
          <div className="mt-2">
            <Notice tone="warning">{t('period.fallback')}</Notice>
          </div>
        ) : null}
      </div>

      <section aria-labelledby="tong-hop" className="mt-8 scroll-mt-4">
        <h2 id="tong-hop" className="text-xl font-semibold text-navy-900">
          {t('summary.title')}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t('period.showing', shown)}</p>
        <div className="mt-3">
          <PaymentSummary total={report.total} pending={data.pending} outstanding={data.outstanding} exceptions={data.exceptions} />
        </div>
        <div className="mt-6 grid gap-6 lg:grid-cols-[3fr_2fr]">
          <div className="min-w-0">
            <h3 className="font-semibold text-navy-900">{t('byMethod.title')}</h3>
            <div className="mt-2">
              <PaymentsByMethodTable report={report} />
            </div>
          </div>
          <div className="min-w-0 lg:pt-8">
            <ExportLinks commune={commune.code} from={shown.from} to={shown.to} />
          </div>
        </div>
        <h3 className="mt-6 font-semibold text-navy-900">{t('byDay.title')}</h3>
        <p className="mt-1 text-sm text-slate-700">{t('byDay.lead')}</p>
        <div className="mt-2">
          <PaymentsByDayTable report={report} />
        </div>
      </section>

      <section aria-labelledby="doi-soat" className="mt-10 scroll-mt-4">
        <h2 id="doi-soat" className="text-xl font-semibold text-navy-900">
          {t('exceptions.title')}
        </h2>
        {commune.canWrite ? (
          <div className="mt-3 space-y-3">
            <h3 className="font-semibold text-navy-900">{t('import.title')}</h3>
            <p className="text-sm text-slate-700">{t('import.lead')}</p>
            <StatementFormatHelp />
            <StaffPaymentsMessages>
              <StatementImportForm communeId={commune.id} action={importStatementAction} />
            </StaffPaymentsMessages>
          </div>
        ) : null}
        <h3 className="mt-6 font-semibold text-navy-900">{t('summary.exceptions')}</h3>
        <p className="mt-1 text-sm text-slate-700">{t('exceptions.lead')}</p>
        <div className="mt-3">
          {data.exceptions.rows.length === 0 ? (
            <p className="text-slate-700">{t('exceptions.empty')}</p>
          ) : (
            <StaffPaymentsMessages>
              <ExceptionsList rows={data.exceptions.rows} resolveAction={commune.canWrite ? resolveStatementLineAction : null} />
            </StaffPaymentsMessages>
          )}
        </div>
        <Pager
          shown={t('exceptions.shown', { count: data.exceptions.rows.length, total: data.exceptions.count })}
          first={data.exceptions.paged ? { href: `${href()}#doi-soat`, label: t('exceptions.first') } : null}
          next={data.exceptions.nextCursor ? { href: `${href({ exceptionsAfter: data.exceptions.nextCursor })}#doi-soat`, label: t('exceptions.next') } : null}
          label={t('exceptions.title')}
        />
        <h3 className="mt-6 font-semibold text-navy-900">{t('imports.title')}</h3>
        <div className="mt-2">
          <RecentImportsTable imports={data.imports} />
        </div>
      </section>

      {data.overpaid.count > 0 ? (
        <section aria-labelledby="thu-thua" className="mt-10 scroll-mt-4">
          <h2 id="thu-thua" className="text-xl font-semibold text-navy-900">
            {t('overpaid.title')}
          </h2>
          <p className="mt-1 text-sm text-slate-700">{t('overpaid.lead', { count: data.overpaid.count, amount: formatVnd(data.overpaid.amountVnd, locale) })}</p>
          <ul className="mt-3 divide-y divide-slate-200 rounded border border-slate-200 bg-white text-sm">
            {data.overpaid.rows.map((row) => (
              <li key={row.id} className="flex flex-wrap justify-between gap-2 px-3 py-2">
                <Link href={`/can-bo/ho-so/${encodeURIComponent(row.code)}#thanh-toan`} className="font-mono font-semibold text-navy-800 underline">
                  {row.code}
                </Link>
                <span>{row.applicantName}</span>
                <span>{t('overpaid.row', { fee: formatVnd(row.feeVnd, locale), paid: formatVnd(row.paidVnd, locale), excess: formatVnd(row.paidVnd - row.feeVnd, locale) })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="con-phai-thu" className="mt-10 scroll-mt-4">
        <h2 id="con-phai-thu" className="text-xl font-semibold text-navy-900">
          {t('outstanding.title')}
        </h2>
        <p className="mt-1 text-sm text-slate-700">{t('outstanding.lead')}</p>
        <div className="mt-3">{data.outstanding.rows.length === 0 ? <p className="text-slate-700">{t('outstanding.empty')}</p> : <OutstandingTable rows={data.outstanding.rows} />}</div>
        <Pager
          shown={t('outstanding.shown', { count: data.outstanding.rows.length, total: data.outstanding.count })}
          first={data.outstanding.paged ? { href: `${href()}#con-phai-thu`, label: t('outstanding.first') } : null}
          next={data.outstanding.nextCursor ? { href: `${href({ outstandingAfter: data.outstanding.nextCursor })}#con-phai-thu`, label: t('outstanding.next') } : null}
          label={t('outstanding.title')}
        />
      </section>
    </div>
  )
}

function Pager({ shown, first, next, label }: { shown: string; first: { href: string; label: string } | null; next: { href: string; label: string } | null; label: string }) {
  if (!first && !next) return null
  return (
    <nav className="mt-3 flex flex-wrap items-center justify-between gap-3 text-sm" aria-label={label}>
      <span>{shown}</span>
      <span className="flex gap-4">
        {first ? (
          <Link href={first.href} className="font-semibold text-navy-800 underline">
            {first.label}
          </Link>
        ) : null}
        {next ? (
          <Link href={next.href} rel="next" className="font-semibold text-navy-800 underline">
            {next.label}
          </Link>
        ) : null}
      </span>
    </nav>
  )
}
