import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { AccountMessages } from '@/components/account/account-messages'
import { AccountSummary } from '@/components/account/account-summary'
import { ChangePasswordForm } from '@/components/account/change-password-form'
import { signOutEverywhereAction } from '@/components/account/sign-out-everywhere.action'
import { Notice } from '@/components/ui/notice'
import { buttonStyles } from '@/components/ui/button-styles'
import { getMyAccount } from '@/server/account/get-my-account'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Account.page')
  return { title: t('metaTitle'), robots: { index: false } }
}

export default async function AccountPage() {
  const actor = await requirePagePermission('account.changePassword', '/tai-khoan')
  const [account, t] = await Promise.all([getMyAccount(db(), { actor }), getTranslations('Account.page')])
  return (
    <div className="mx-auto max-w-4xl space-y-10 px-4 py-10 sm:px-6 sm:py-14">
      <h1 className="text-2xl font-bold text-navy-900 sm:text-3xl">{t('title')}</h1>

      <section aria-labelledby="thong-tin-tai-khoan">
        <h2 id="thong-tin-tai-khoan" className="mb-3 text-xl font-bold text-navy-900">
          {t('profileTitle')}
        </h2>
        <AccountSummary account={account} />
      </section>

      <section aria-labelledby="doi-mat-khau" className="rounded border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h2 id="doi-mat-khau" className="text-xl font-bold text-navy-900">
          {t('changePasswordTitle')}
        </h2>
        {account.hasPassword ? (
          <>
            <p className="mt-1 mb-5 text-slate-700">{t('changePasswordLead')}</p>
            <div className="max-w-md">
              <AccountMessages>
                <ChangePasswordForm />
              </AccountMessages>
            </div>
          </>
        ) : (
          <div className="mt-3">
            <Notice>{t('noPassword')}</Notice>
          </div>
        )}
      </section>

      <section aria-labelledby="dang-xuat-moi-thiet-bi" className="rounded border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h2 id="dang-xuat-moi-thiet-bi" className="text-xl font-bold text-navy-900">
          {t('signOutEverywhereTitle')}
        </h2>
        <p className="mt-1 mb-5 text-slate-700">{t('signOutEverywhereLead')}</p>
        <form action={signOutEverywhereAction}>
          <button type="submit" className={buttonStyles.secondary}>
            {t('signOutEverywhereSubmit')}
          </button>
        </form>
      </section>
    </div>
  )
}
