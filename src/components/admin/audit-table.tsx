import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { formatDateTime } from '@/lib/format/date'
import { UNKNOWN_CLIENT_ADDRESS } from '@/server/http/request-meta'
import { staffAccountHref } from './admin-hrefs'
import { AuditDetails } from './audit-details'

type Person = { id: string; fullName: string; username: string | null }

export type AuditRowView = {
  id: string
  createdAt: Date
  actor: Person | null
  actorRole: string | null
  action: string
  entityType: string
  entityId: string | null
  subject: Person | null
  data: unknown
  ip: string | null
}

/** Message key of an action: "staff.resetPassword" → "staff_resetPassword" (dots separate namespaces). */
export const actionKey = (action: string) => action.replaceAll('.', '_')

/** Who did what, when, to which record; newest first as given. */
export async function AuditTable({ rows, caption }: { rows: AuditRowView[]; caption: string }) {
  const [t, roles] = await Promise.all([getTranslations('Admin.audit'), getTranslations('Admin.roles')])
  const actionLabel = (action: string) => (t.has(`actions.${actionKey(action)}`) ? t(`actions.${actionKey(action)}`) : action)
  const entityLabel = (type: string) => (t.has(`entityTypes.${type}`) ? t(`entityTypes.${type}`) : type)
  return (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">{t('columns.time')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('columns.actor')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('columns.action')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('columns.entity')}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t('columns.details')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-200 align-top">
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">
                <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt)}</time>
              </td>
              <td className="px-3 py-2">
                {row.actor ? (
                  <>
                    <span className="font-semibold text-slate-900">{row.actor.fullName}</span>
                    {row.actor.username ? <span className="block font-mono text-xs text-slate-600">{row.actor.username}</span> : null}
                    {row.actorRole ? <span className="block text-xs text-slate-600">{roles.has(row.actorRole) ? roles(row.actorRole) : row.actorRole}</span> : null}
                  </>
                ) : (
                  <span className="text-slate-600">{t('system')}</span>
                )}
              </td>
              <td className="px-3 py-2">
                <span className="font-semibold text-slate-900">{actionLabel(row.action)}</span>
                <span className="block font-mono text-xs text-slate-600">{row.action}</span>
              </td>
              <td className="px-3 py-2">
                <span className="block text-xs text-slate-600">{entityLabel(row.entityType)}</span>
                {row.subject ? (
                  row.subject.username ? (
                    <Link href={staffAccountHref(row.subject.id)} className="font-semibold text-navy-800 underline">
                      {row.subject.fullName}
                    </Link>
                  ) : (
                    <span className="font-semibold">{row.subject.fullName}</span>
                  )
                ) : row.entityId ? (
                  <span className="font-mono text-xs break-all">{row.entityId}</span>
                ) : null}
                {row.subject?.username ? <span className="block font-mono text-xs text-slate-600">{row.subject.username}</span> : null}
              </td>
              <td className="px-3 py-2">
                <AuditDetails data={row.data} />
                {row.ip ? <span className="mt-1 block text-xs text-slate-600">{row.ip === UNKNOWN_CLIENT_ADDRESS ? t('ipUnknown') : t('ip', { ip: row.ip })}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
