import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getLocale, getTranslations } from 'next-intl/server'
import { cache } from 'react'
import { auditLogHref } from '@/components/admin/admin-hrefs'
import { AuditTable } from '@/components/admin/audit-table'
import { CollectionAccountForm } from '@/components/admin/commune-accounts/account-form'
import { AccountQr } from '@/components/admin/commune-accounts/account-qr'
import { AccountStateBadge } from '@/components/admin/commune-accounts/account-state-badge'
import { communeAccountHref, COMMUNE_ACCOUNTS_HREF } from '@/components/admin/commune-accounts/hrefs'
import { AdminPageHeader } from '@/components/admin/admin-page-header'
import { buttonStyles } from '@/components/ui/button-styles'
import { Notice } from '@/components/ui/notice'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { isAppError } from '@/domain/errors'
import { TEST_TRANSFER_AMOUNT_VND, TEST_TRANSFER_REFERENCE } from '@/domain/payments/collection-account'
import { NAPAS_BANKS } from '@/domain/payments/napas-banks'
import { formatDateTime } from '@/lib/format/date'
import { formatVnd } from '@/lib/format/vnd'
import { getCommuneAccount } from '@/server/admin/commune-accounts'
import { listAuditLog } from '@/server/admin/list-audit-log'
import { getActor, requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { transferQrDataUri } from '@/server/payments/transfer-qr'
import { clearCollectionAccountAction, saveCollectionAccountAction } from '../actions'

type Params = Promise<{ code: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** Recent changes shown on the page; the audit log has them all. */
const HISTORY_SIZE = 5

// One query per request for the title and the page.
const fetchCommune = cache((actor: Actor, code: string) => getCommuneAccount(db(), { actor, code }))

async function loadCommune(actor: Actor, code: string) {
  try {
    return await fetchCommune(actor, code)
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound()
    throw error
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ code }, actor, t] = await Promise.all([params, getActor(), getTranslations('AdminCommunes')])
  // The page itself answers "not signed in" and "not allowed"; the title only names what may be shown.
  const commune = actor && can(actor, 'admin.configure') ? await fetchCommune(actor, code).catch(() => null) : null
  return { title: commune ? t('detail.metaTitle', { name: commune.name }) : t('list.metaTitle'), robots: { index: false } }
}

/** One commune's collection account: what is in use (with its test QR), the form to change it, removal, history. */
export default async function CommuneAccountPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { code } = await params
  const actor = await requirePagePermission('admin.configure', communeAccountHref(code))
  const commune = await loadCommune(actor, code)
  const showHistory = can(actor, 'admin.manageStaff')
  const [t, admin, locale, query, history, currentQr] = await Promise.all([
    getTranslations('AdminCommunes'),
    getTranslations('Admin'),
    getLocale(),
    searchParams,
    showHistory ? listAuditLog(db(), { actor, input: { entityId: commune.id }, pageSize: HISTORY_SIZE }) : null,
    commune.testPayload && !commune.isDemo ? transferQrDataUri(commune.testPayload) : null,
  ])
  const { account, bank } = commune
  const amount = formatVnd(TEST_TRANSFER_AMOUNT_VND, locale)
  const banks = Object.entries(NAPAS_BANKS).map(([bin, { shortName }]) => ({ bin, shortName }))
  const factClass = 'grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm'

  return (
    <>
      <AdminPageHeader
        current="communes"
        crumbs={[{ label: admin('tabs.label') }, { label: t('list.title'), href: COMMUNE_ACCOUNTS_HREF }, { label: commune.name }]}
        title={commune.name}
        lead={t('detail.lead', { code: commune.code, kind: t(`kinds.${commune.kind}`) })}
      >
        {commune.formerUnits.length > 0 ? <p className="mt-1 max-w-3xl text-sm text-slate-600">{t('detail.formerUnits', { units: commune.formerUnits.join(', ') })}</p> : null}
      </AdminPageHeader>
      <div className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-6">
        {query['da-xoa'] === '1' ? (
          <Notice tone="success" role="status">
            {t('detail.cleared')}
          </Notice>
        ) : null}

        <div className="grid grid-cols-1 items-start gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
          <section aria-labelledby="khai-bao-tai-khoan" className="rounded border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
            <h2 id="khai-bao-tai-khoan" className="text-lg font-bold text-navy-900">
              {t('detail.formTitle')}
            </h2>
            <p className="mt-1 mb-5 text-sm text-slate-700">{t('detail.formLead')}</p>
            <CollectionAccountForm
              action={saveCollectionAccountAction}
              communeCode={commune.code}
              updatedAt={commune.updatedAt.toISOString()}
              // A demo account is shown at the side, not offered for editing: the form starts empty.
              initial={account && !commune.isDemo ? account : { bankBin: '', accountNo: '', accountName: '' }}
              banks={banks}
              labels={{
                bankBin: t('detail.bankBin'),
                bankBinHint: t('detail.bankBinHint', { examples: banks.map((entry) => `${entry.bin} ${entry.shortName}`).join(', ') }),
                accountNo: t('detail.accountNo'),
                accountNoHint: t('detail.accountNoHint'),
                accountName: t('detail.accountName'),
                accountNameHint: t('detail.accountNameHint'),
                suggestion: t('detail.suggestion'),
                useSuggestion: t('detail.useSuggestion'),
                save: t('detail.save'),
                preview: t('detail.preview'),
                pending: t('detail.pending'),
                cancel: t('detail.backToList'),
                previewTitle: t('detail.previewTitle'),
                scanHint: t('detail.scanHint'),
                bank: t('detail.bank'),
                amount: t('detail.amount'),
                reference: t('detail.reference'),
              }}
              cancelHref={COMMUNE_ACCOUNTS_HREF}
            />
          </section>

          <div className="space-y-6">
            <section aria-labelledby="tai-khoan-dang-dung" className="space-y-4 rounded border border-slate-200 bg-white p-5 shadow-sm" data-testid="current-account">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 id="tai-khoan-dang-dung" className="text-lg font-bold text-navy-900">
                  {t('detail.current')}
                </h2>
                <AccountStateBadge state={commune.state} />
              </div>
              {account && bank ? (
                <dl className={factClass}>
                  <dt className="text-slate-600">{t('detail.bank')}</dt>
                  <dd>
                    <span className="font-semibold">{bank.shortName}</span>
                    <span className="block text-slate-700">
                      {bank.name} ({bank.bin})
                    </span>
                  </dd>
                  <dt className="text-slate-600">{t('detail.accountNo')}</dt>
                  <dd className="font-mono font-semibold break-all">{account.accountNo}</dd>
                  <dt className="text-slate-600">{t('detail.accountName')}</dt>
                  <dd className="break-words">{account.accountName || '—'}</dd>
                  <dt className="text-slate-600">{t('detail.updatedAt')}</dt>
                  <dd className="tabular-nums">{formatDateTime(commune.updatedAt)}</dd>
                </dl>
              ) : (
                <p className="text-sm text-slate-700">{t('detail.noAccount')}</p>
              )}
              {commune.isDemo ? <Notice tone="warning">{t('detail.demoNotice')}</Notice> : null}
              {bank && !bank.known && !commune.isDemo ? <Notice tone="warning">{t('detail.unknownBank', { bin: bank.bin })}</Notice> : null}
              {currentQr && account && bank ? (
                <AccountQr
                  headingId="ma-qr-dang-dung"
                  title={t('detail.currentQrTitle')}
                  hint={t('detail.scanHint')}
                  qr={currentQr}
                  alt={t('detail.qrAlt', { amount, account: account.accountNo, bank: bank.shortName, reference: TEST_TRANSFER_REFERENCE })}
                  rows={[]}
                  stacked
                />
              ) : null}
            </section>

            {account ? (
              <section id="xoa-tai-khoan" aria-labelledby="xoa-tai-khoan-tieu-de" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
                <h2 id="xoa-tai-khoan-tieu-de" className="mb-2 text-lg font-bold text-navy-900">
                  {t('detail.clearTitle')}
                </h2>
                <p className="text-sm text-slate-700">{t('detail.clearHint')}</p>
                {query.xoa === 'xac-nhan' ? (
                  <div className="mt-3">
                    <Notice tone="error" role="alert">
                      {t('detail.clearConfirmRequired')}
                    </Notice>
                  </div>
                ) : null}
                {query.xoa === 'xung-dot' ? (
                  <div className="mt-3">
                    <Notice tone="error" role="alert">
                      {t('detail.conflictNotice')}
                    </Notice>
                  </div>
                ) : null}
                <form action={clearCollectionAccountAction} className="mt-3 space-y-3">
                  <input type="hidden" name="communeCode" value={commune.code} />
                  <input type="hidden" name="expectedUpdatedAt" value={commune.updatedAt.toISOString()} />
                  <label className="flex items-start gap-2 text-sm text-slate-800">
                    <input type="checkbox" name="confirm" value="yes" className="mt-0.5 size-5 shrink-0" />
                    <span>{t('detail.clearConfirm')}</span>
                  </label>
                  <button type="submit" className={`${buttonStyles.secondary} min-h-11 py-2`}>
                    {t('detail.clearSubmit')}
                  </button>
                </form>
              </section>
            ) : null}
          </div>
        </div>

        {history ? (
          <section aria-labelledby="lich-su-thay-doi">
            <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2 border-b-2 border-navy-800 pb-2">
              <h2 id="lich-su-thay-doi" className="text-xl font-bold text-navy-900">
                {t('detail.history')}
              </h2>
              {history.total > 0 ? (
                <Link href={auditLogHref({ entityId: commune.id })} className="text-sm font-semibold text-navy-800 underline">
                  {t('detail.historyAll')}
                </Link>
              ) : null}
            </div>
            {history.entries.length > 0 ? <AuditTable rows={history.entries} caption={t('detail.history')} /> : <Notice>{t('detail.historyEmpty')}</Notice>}
          </section>
        ) : null}
      </div>
    </>
  )
}
