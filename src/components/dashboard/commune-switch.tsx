import { getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'

/** A GET form choosing which of their communes a staff member of several looks at (`xa`), keeping the period. */
export async function CommuneSwitch({ communes, current, keep }: { communes: { code: string; name: string }[]; current: string; keep: URLSearchParams }) {
  const t = await getTranslations('Dashboard.staff')
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      {[...keep].map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor="xa" className="block text-sm font-semibold text-slate-800">
          {t('pickCommune')}
        </label>
        <select id="xa" name="xa" defaultValue={current} className="mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 sm:w-64">
          {communes.map((commune) => (
            <option key={commune.code} value={commune.code}>
              {commune.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonStyles.secondary}>
        {t('pickSubmit')}
      </button>
    </form>
  )
}
