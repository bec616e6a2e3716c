import { getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'

/** For staff working in several communes: which one's index to show (a GET form, `xa` = commune code). */
export async function IndexCommunePicker({ communes, current, keep }: { communes: readonly { code: string; name: string }[]; current: string; keep: Record<string, string> }) {
  const t = await getTranslations('ServiceIndex.commune')
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-4">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div>
        <label htmlFor="chi-so-xa" className="block text-sm font-semibold text-slate-800">
          {t('label')}
        </label>
        <select id="chi-so-xa" name="xa" defaultValue={current} className="mt-1 rounded border border-slate-400 bg-white px-3 py-2">
          {communes.map((commune) => (
            <option key={commune.code} value={commune.code}>
              {commune.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className={buttonStyles.secondary}>
        {t('submit')}
      </button>
    </form>
  )
}
