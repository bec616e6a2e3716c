import { getTranslations } from 'next-intl/server'

export type DemoAccountView = {
  role: string
  /** What to type in the sign-in field: a username, or a citizen's ID number. */
  login: string
  /** A citizen may also sign in with this phone number. */
  altLogin: string | null
  fullName: string
  commune: string | null
  password: string
}

const ROLE_ORDER = ['CITIZEN', 'CLERK', 'SPECIALIST', 'LEADER', 'PROVINCE_OFFICER', 'ADMIN']

function byRole(accounts: DemoAccountView[]): [string, DemoAccountView[]][] {
  const groups = new Map<string, DemoAccountView[]>()
  for (const account of accounts) groups.set(account.role, [...(groups.get(account.role) ?? []), account])
  const rank = (role: string) => (ROLE_ORDER.includes(role) ? ROLE_ORDER.indexOf(role) : ROLE_ORDER.length)
  return [...groups].sort(([a], [b]) => rank(a) - rank(b))
}

/** Demo mode only: the seeded accounts, by role, so a visitor can try every role. Never shown otherwise. */
export async function DemoAccountsPanel({ accounts }: { accounts: DemoAccountView[] }) {
  const t = await getTranslations('SignIn.demo')
  const passwords = new Set(accounts.map((account) => account.password))
  const sharedPassword = passwords.size === 1 ? [...passwords][0] : undefined
  const roleLabel = (role: string) => (t.has(`roles.${role}`) ? t(`roles.${role}`) : role)

  return (
    <section aria-labelledby="tai-khoan-dung-thu" className="rounded border border-amber-400 bg-amber-50 p-5 text-amber-950">
      <h2 id="tai-khoan-dung-thu" className="text-lg font-bold">
        {t('title')}
      </h2>
      <p className="mt-1 text-sm">{t('lead')}</p>
      {sharedPassword ? (
        <p className="mt-2 text-sm">
          {t('sharedPassword')}: <code className="rounded bg-white px-1.5 py-0.5 font-mono text-slate-900">{sharedPassword}</code>
        </p>
      ) : null}
      {accounts.length === 0 ? <p className="mt-3 text-sm">{t('none')}</p> : null}
      <div className="mt-2 space-y-5">
        {byRole(accounts).map(([role, group]) => (
          <div key={role} className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="pb-1 text-left font-semibold">{roleLabel(role)}</caption>
              <thead>
                <tr className="border-b border-amber-300">
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    {t('login')}
                  </th>
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    {t('fullName')}
                  </th>
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    {t('commune')}
                  </th>
                  {sharedPassword ? null : (
                    <th scope="col" className="py-1.5 font-medium">
                      {t('password')}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody className="text-slate-900">
                {group.map((account) => (
                  <tr key={account.login} className="border-b border-amber-200 align-top last:border-0">
                    <td className="py-1.5 pr-3">
                      <code className="font-mono">{account.login}</code>
                      {account.altLogin ? (
                        <span className="block text-xs text-slate-700">
                          {t('or')} <code className="font-mono">{account.altLogin}</code>
                        </span>
                      ) : null}
                    </td>
                    <td className="py-1.5 pr-3">{account.fullName}</td>
                    <td className="py-1.5 pr-3">{account.commune ?? '—'}</td>
                    {sharedPassword ? null : (
                      <td className="py-1.5">
                        <code className="font-mono">{account.password}</code>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </section>
  )
}
