import { getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { formatDate } from '@/lib/format/date'
import type { MyAccount } from '@/server/account/get-my-account'

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-200 py-3 sm:grid-cols-[13rem_1fr] sm:gap-4">
      <dt className="font-semibold text-slate-700">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  )
}

/** The signed-in person's profile, read-only. */
export async function AccountSummary({ account }: { account: MyAccount }) {
  const t = await getTranslations('Account.page')
  const none = <span className="text-slate-600">{t('none')}</span>
  return (
    <dl className="border-t border-slate-200">
      <Row label={t('fullName')}>{account.fullName}</Row>
      <Row label={t('role')}>{t(`roles.${account.role}`)}</Row>
      {account.username ? <Row label={t('username')}>{account.username}</Row> : null}
      {account.role === 'CITIZEN' ? (
        <>
          <Row label={t('citizenId')}>{account.citizenId ? <span className="tabular-nums">{account.citizenId}</span> : none}</Row>
          <Row label={t('birthDate')}>{account.birthDate ? formatDate(new Date(`${account.birthDate}T00:00:00+07:00`)) : none}</Row>
          <Row label={t('gender')}>{account.gender ? t(`genders.${account.gender}`) : none}</Row>
        </>
      ) : null}
      <Row label={t('phone')}>{account.phone ? <span className="tabular-nums">{account.phone}</span> : none}</Row>
      <Row label={t('email')}>{account.email ?? none}</Row>
      <Row label={t('createdAt')}>{formatDate(account.createdAt)}</Row>
    </dl>
  )
}
