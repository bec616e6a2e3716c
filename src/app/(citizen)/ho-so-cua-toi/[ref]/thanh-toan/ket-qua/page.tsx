import type { Metadata } from 'next'
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { RefreshWhilePending } from '@/components/payments/refresh-while-pending'
import { buttonStyles } from '@/components/ui/button-styles'
import { Notice } from '@/components/ui/notice'
import { firstSearchParams } from '@/lib/first-search-params'
import { formatDateTime } from '@/lib/format/date'
import { formatVnd } from '@/lib/format/vnd'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { getRequestMeta } from '@/server/http/request-meta'
import { readGatewayReturn } from '@/server/payments/gateway-return'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Payments.result')
  return { title: t('metaTitle'), robots: { index: false, follow: false } }
}

// The gateway's return URL: the payer comes back with the signed result. The signature is checked, the payment's
// state is read from the database (only the gateway's IPN credits it), and the page says what happened.
export default async function GatewayReturnPage({ params, searchParams }: { params: Promise<{ ref: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ ref }, query] = await Promise.all([params, searchParams])
  const gatewayParams = firstSearchParams(query)
  const here = `/ho-so-cua-toi/${encodeURIComponent(ref)}/thanh-toan/ket-qua?${new URLSearchParams(gatewayParams).toString()}`
  const actor = await requirePagePermission('dossier.readOwn', here)
  const meta = await getRequestMeta()
  const [view, t, locale] = await Promise.all([readGatewayReturn(db(), { actor, dossierRef: ref, params: gatewayParams, meta }), getTranslations('Payments.result'), getLocale()])
  const dossierHref = view.kind === 'PAYMENT' ? `/ho-so-cua-toi/${encodeURIComponent(view.dossierCode)}` : '/ho-so-cua-toi'

  let body: ReactNode
  if (view.kind === 'UNVERIFIED') {
    body = (
      <Notice tone="warning" role="alert">
        <h2 className="font-semibold">{t('unverifiedTitle')}</h2>
        <p className="mt-1">{t('unverified')}</p>
      </Notice>
    )
  } else {
    const { payment } = view
    const facts = { amount: formatVnd(payment.amountVnd, locale), reference: payment.reference, code: view.dossierCode }
    switch (payment.status) {
      case 'PAID':
        body = (
          <>
            <Notice tone="success" role="status">
              <h2 className="font-semibold">{t('paidTitle')}</h2>
              <p className="mt-1">{t('paid', { ...facts, at: payment.paidAt ? formatDateTime(payment.paidAt) : '—' })}</p>
            </Notice>
            {payment.receiptNo ? (
              <p className="mt-4">
                <a href={`/api/payments/${payment.id}/receipt`} target="_blank" rel="noopener" aria-label={t('receiptLabel', { receiptNo: payment.receiptNo })} className={buttonStyles.navy}>
                  {t('receipt')}
                </a>
              </p>
            ) : null}
          </>
        )
        break
      case 'PENDING':
        body = (
          <>
            <Notice tone="info" role="status">
              <h2 className="font-semibold">{t('pendingTitle')}</h2>
              <p className="mt-1">{t('pending', facts)}</p>
              {!view.gatewaySaidSuccess ? <p className="mt-1">{t('pendingGatewayDeclined', { code: view.responseCode })}</p> : null}
              <p className="mt-1">{t('autoRefresh')}</p>
            </Notice>
            <p className="mt-4">
              <a href={here} className={buttonStyles.secondary}>
                {t('refresh')}
              </a>
            </p>
            <RefreshWhilePending />
          </>
        )
        break
      case 'REFUNDED':
        body = (
          <Notice tone="info" role="status">
            <h2 className="font-semibold">{t('refundedTitle')}</h2>
            <p className="mt-1">{t('refunded', facts)}</p>
          </Notice>
        )
        break
      default:
        body = (
          <>
            <Notice tone="error" role="alert">
              <h2 className="font-semibold">{t(payment.status === 'EXPIRED' ? 'expiredTitle' : 'failedTitle')}</h2>
              <p className="mt-1">{t(payment.status === 'EXPIRED' ? 'expired' : 'failed', facts)}</p>
            </Notice>
            {view.dueNowVnd > 0 ? (
              <p className="mt-4">
                <Link href={`${dossierHref}#thanh-toan`} className={buttonStyles.primary}>
                  {t('tryAgain')}
                </Link>
              </p>
            ) : null}
          </>
        )
    }
  }

  return (
    <div className="mx-auto max-w-2xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-2xl font-bold text-navy-900">{t('title')}</h1>
      {view.kind === 'PAYMENT' ? <p className="mt-1 text-slate-700">{t('dossier', { code: view.dossierCode })}</p> : null}
      <div className="mt-6">{body}</div>
      <p className="mt-6">
        <Link href={dossierHref} className="font-semibold text-navy-800 underline">
          ← {t('back')}
        </Link>
      </p>
    </div>
  )
}
