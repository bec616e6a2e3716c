import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { getTranslations } from 'next-intl/server'
import { cache } from 'react'
import { AccountStatusBadge, RoleBadge } from '@/components/admin/account-badges'
import { AccountStatusForm } from '@/components/admin/account-status-form'
import { auditLogHref } from '@/components/admin/admin-hrefs'
import { AdminPageHeader } from '@/components/admin/admin-page-header'
import { AuditTable } from '@/components/admin/audit-table'
import { ResetPasswordForm } from '@/components/admin/reset-password-form'
import { StaffForm } from '@/components/admin/staff-form'
import { roleOptions, staffFormLabels } from '@/components/admin/staff-form-labels'
import { Notice } from '@/components/ui/notice'
import type { Actor } from '@/domain/access/actor'
import { can } from '@/domain/access/permissions'
import { isAppError } from '@/domain/errors'
import { formatDateTime } from '@/lib/format/date'
import { getStaffAccount } from '@/server/admin/get-staff-account'
import { listAuditLog } from '@/server/admin/list-audit-log'
import { listCommuneOptions } from '@/server/admin/list-commune-options'
import { getActor, requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { resetStaffPasswordAction, setStaffEnabledAction, updateStaffAction } from './staff-account.action'

type Params = Promise<{ id: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

/** Recent changes shown on the page; the audit log has them all. */
const HISTORY_SIZE = 5

// One query per request for the title and the page (the actor object is itself cached per request).
const fetchAccount = cache((actor: Actor, id: string) => getStaffAccount(db(), { actor, userId: id }))

async function loadAccount(actor: Actor, id: string) {
  try {
    return await fetchAccount(actor, id)
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound()
    throw error
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const [{ id }, actor, t] = await Promise.all([params, getActor(), getTranslations('Admin')])
  // The page itself answers "not signed in" and "not allowed"; the title only names what may be shown.
  const account = actor && can(actor, 'admin.manageStaff') ? await fetchAccount(actor, id).catch(() => null) : null
  return { title: account?.username ? t('detail.metaTitle', { username: account.username }) : t('tabs.staff'), robots: { index: false } }
}

/** One staff account: its role, communes and contact details, disable/enable, password reset, history. */
export default async function StaffAccountPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params
  const actor = await requirePagePermission('admin.manageStaff', `/quan-tri/can-bo/${id}`)
  const account = await loadAccount(actor, id)
  const [t, communes, labels, roles, history, query] = await Promise.all([
    getTranslations('Admin'),
    listCommuneOptions(db(), { actor }),
    staffFormLabels('update'),
    roleOptions(),
    listAuditLog(db(), { actor, input: { entityId: account.id }, pageSize: HISTORY_SIZE }),
    searchParams,
  ])
  const isSelf = account.id === actor.userId
  const disabled = account.disabledAt !== null
  const justCreated = query.moi === '1'
  const factClass = 'grid grid-cols-[9rem_minmax(0,1fr)] gap-x-3 gap-y-2 text-sm'

  return (
    <>
      <AdminPageHeader
        current="staff"
        crumbs={[{ label: t('tabs.staff'), href: '/quan-tri' }, { label: account.fullName }]}
        title={account.fullName}
      />
      <div className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-6">
        {justCreated ? (
          <Notice tone="success" role="status">
            {t('detail.created', { username: account.username ?? '' })}
          </Notice>
        ) : null}
        {isSelf ? <Notice>{t('detail.you')}</Notice> : null}

        <div className="grid grid-cols-1 items-start gap-8 lg:grid-cols-[minmax(0,1fr)_22rem]">
          <section aria-labelledby="vai-tro-lien-he" className="rounded border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
            <h2 id="vai-tro-lien-he" className="mb-5 text-lg font-bold text-navy-900">
              {t('detail.profile')}
            </h2>
            <StaffForm
              mode="update"
              action={updateStaffAction}
              initial={{
                userId: account.id,
                fullName: account.fullName,
                role: account.role,
                communeIds: account.communes.map((commune) => commune.id),
                phone: account.phone ?? '',
                email: account.email ?? '',
              }}
              roles={roles}
              communes={communes.map(({ id: communeId, code, name }) => ({ id: communeId, code, name }))}
              labels={labels}
              lockRole={isSelf}
              cancelHref="/quan-tri"
            />
          </section>

          <div className="space-y-6">
            <section aria-labelledby="thong-tin-tai-khoan" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id="thong-tin-tai-khoan" className="mb-3 text-lg font-bold text-navy-900">
                {t('detail.facts')}
              </h2>
              <dl className={factClass}>
                <dt className="text-slate-600">{t('detail.username')}</dt>
                <dd className="font-mono font-semibold break-all">{account.username}</dd>
                <dt className="text-slate-600">{t('form.role')}</dt>
                <dd>
                  <RoleBadge role={account.role} />
                </dd>
                <dt className="text-slate-600">{t('detail.status')}</dt>
                <dd>
                  <AccountStatusBadge disabled={disabled} />
                  {account.disabledAt ? (
                    <span className="mt-1 block text-slate-700">{t('detail.disabledSince', { date: formatDateTime(account.disabledAt) })}</span>
                  ) : null}
                </dd>
                {account.provinceName ? (
                  <>
                    <dt className="text-slate-600">{t('detail.province')}</dt>
                    <dd>{account.provinceName}</dd>
                  </>
                ) : null}
                <dt className="text-slate-600">{t('detail.createdAt')}</dt>
                <dd className="tabular-nums">{formatDateTime(account.createdAt)}</dd>
                <dt className="text-slate-600">{t('detail.updatedAt')}</dt>
                <dd className="tabular-nums">{formatDateTime(account.updatedAt)}</dd>
              </dl>
              {account.isDemo ? (
                <p className="mt-3 text-sm text-amber-900">{t('detail.demo')}</p>
              ) : null}
            </section>

            <section aria-labelledby="khoa-mo-khoa" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id="khoa-mo-khoa" className="mb-3 text-lg font-bold text-navy-900">
                {t('detail.access')}
              </h2>
              {isSelf ? (
                <p className="text-sm text-slate-700">{t('detail.selfAccess')}</p>
              ) : (
                <AccountStatusForm
                  action={setStaffEnabledAction}
                  userId={account.id}
                  enabled={!disabled}
                  labels={
                    disabled
                      ? { hint: t('detail.enableHint'), submit: t('detail.enable'), pending: t('form.pending') }
                      : { hint: t('detail.disableHint'), submit: t('detail.disable'), pending: t('form.pending') }
                  }
                />
              )}
            </section>

            <section aria-labelledby="dat-lai-mat-khau" className="rounded border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id="dat-lai-mat-khau" className="mb-3 text-lg font-bold text-navy-900">
                {t('detail.reset')}
              </h2>
              {isSelf ? (
                <p className="text-sm text-slate-700">
                  {t('detail.selfReset')}{' '}
                  <Link href="/tai-khoan" className="font-semibold text-navy-800 underline">
                    {t('detail.accountPage')}
                  </Link>
                </p>
              ) : (
                <ResetPasswordForm
                  action={resetStaffPasswordAction}
                  userId={account.id}
                  labels={{
                    hint: t('detail.resetHint'),
                    password: t('form.password'),
                    passwordConfirm: t('form.passwordConfirm'),
                    passwordHint: t('form.passwordHint'),
                    submit: t('detail.resetSubmit'),
                    pending: t('form.pending'),
                  }}
                />
              )}
            </section>
          </div>
        </div>

        <section aria-labelledby="lich-su-thay-doi">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2 border-b-2 border-navy-800 pb-2">
            <h2 id="lich-su-thay-doi" className="text-xl font-bold text-navy-900">
              {t('detail.history')}
            </h2>
            {history.total > 0 ? (
              <Link href={auditLogHref({ entityId: account.id })} className="text-sm font-semibold text-navy-800 underline">
                {t('detail.historyAll')}
              </Link>
            ) : null}
          </div>
          {history.entries.length > 0 ? (
            <AuditTable rows={history.entries} caption={t('detail.history')} />
          ) : (
            <Notice>{t('detail.historyEmpty')}</Notice>
          )}
        </section>
      </div>
    </>
  )
}
