import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'
import { auditLogHref } from './admin-hrefs'
import { actionKey } from './audit-table'

/** Actions the filter offers (others, written by other features, are still listed unfiltered). */
export const AUDIT_FILTER_ACTIONS = ['staff.create', 'staff.update', 'staff.disable', 'staff.enable', 'staff.resetPassword'] as const

const controlClass = 'mt-1 block min-h-11 w-full rounded border border-slate-400 bg-white px-3 text-base text-slate-900 focus:border-navy-700'

/** A plain GET form; the record filter (from an account's page) is kept as a hidden field. */
export async function AuditFilters({ action, entityId }: { action?: string; entityId?: string }) {
  const t = await getTranslations('Admin.audit')
  const label = (value: string) => {
    const key = `actions.${actionKey(value)}`
    return t.has(key) ? t(key) : value
  }
  return (
    <form role="search" aria-label={t('filters.label')} method="get" action="/quan-tri/nhat-ky" className="rounded border border-slate-200 bg-white p-4">
      {entityId ? <input type="hidden" name="entity" value={entityId} /> : null}
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end">
        <div className="sm:w-80">
          <label htmlFor="loc-thao-tac" className="text-sm font-semibold text-slate-800">
            {t('filters.action')}
          </label>
          <select id="loc-thao-tac" name="action" defaultValue={action ?? ''} className={controlClass}>
            <option value="">{t('filters.allActions')}</option>
            {AUDIT_FILTER_ACTIONS.map((value) => (
              <option key={value} value={value}>
                {label(value)}
              </option>
            ))}
            {action && !(AUDIT_FILTER_ACTIONS as readonly string[]).includes(action) ? <option value={action}>{label(action)}</option> : null}
          </select>
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={`${buttonStyles.navy} min-h-11 py-2`}>
            {t('filters.submit')}
          </button>
          {action || entityId ? (
            <Link href={auditLogHref({})} className={`${buttonStyles.secondary} min-h-11 py-2`}>
              {t('filters.reset')}
            </Link>
          ) : null}
        </div>
      </div>
    </form>
  )
}
