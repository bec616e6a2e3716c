import { getTranslations } from 'next-intl/server'

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Fields in the order a person reads an account (the database keeps JSON keys in its own order). */
const FIELD_ORDER = ['fullName', 'role', 'communes', 'phone', 'email', 'status']
const rank = (field: string) => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length)

/** Keys the table already shows elsewhere, or that only matter to the machine. */
const HIDDEN_KEYS = new Set(['username', 'before', 'after', 'sessionsEnded', 'sessionVersion'])

/**
 * An audit row's data, readable: each changed field as "before → after" with its label (roles and
 * statuses translated), a note when sessions were ended, and anything else as compact JSON.
 */
export async function AuditDetails({ data }: { data: unknown }) {
  const [t, roles] = await Promise.all([getTranslations('Admin.audit'), getTranslations('Admin.roles')])
  if (!isObject(data)) return null
  const before = isObject(data.before) ? data.before : {}
  const after = isObject(data.after) ? data.after : {}
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  const created = Object.keys(before).length === 0 && fields.length > 0
  const rest = Object.fromEntries(Object.entries(data).filter(([key]) => !HIDDEN_KEYS.has(key)))

  const show = (field: string, value: Json | undefined): string => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('empty_value')
    if (field === 'role' && typeof value === 'string' && roles.has(value)) return roles(value)
    if (field === 'status' && typeof value === 'string' && t.has(`statusValues.${value}`)) return t(`statusValues.${value}`)
    if (Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('; ')
    return typeof value === 'string' ? value : JSON.stringify(value)
  }
  const label = (field: string) => (t.has(`fields.${field}`) ? t(`fields.${field}`) : field)

  return (
    <div className="space-y-1">
      {fields.length > 0 ? (
        <>
          {created ? <p className="text-xs text-slate-600">{t('created')}</p> : null}
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5">
            {fields.map((field) => (
              <div key={field} className="contents">
                <dt className="text-slate-600">{label(field)}</dt>
                <dd className="text-slate-900">
                  {created ? (
                    show(field, after[field])
                  ) : (
                    <>
                      <del className="text-slate-600">{show(field, before[field])}</del>
                      <span aria-hidden="true"> → </span>
                      <ins className="no-underline">{show(field, after[field])}</ins>
                    </>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {data.sessionsEnded === true ? <p className="text-xs text-slate-700">{t('sessionsEnded')}</p> : null}
      {Object.keys(rest).length > 0 ? <code className="block text-xs break-all text-slate-700">{JSON.stringify(rest)}</code> : null}
    </div>
  )
}
