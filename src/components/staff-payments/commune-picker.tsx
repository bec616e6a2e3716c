import { getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'

/** A GET form choosing the commune (by its code), for readers of more than one commune. */
export async function CommunePicker({ communes, current, period }: { communes: { code: string; name: string; provinceName: string }[]; current: string | null; period: { from: string; to: string } }) {
  const t = await getTranslations('StaffPayments.commune')
  const provinces = [...new Set(communes.map((commune) => commune.provinceName))]
  const options = (province: string) =>
    communes
      .filter((commune) => commune.provinceName === province)
      .map((commune) => (
        <option key={commune.code} value={commune.code}>
          {commune.name}
        </option>
      ))
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      {period.from ? <input type="hidden" name="from" value={period.from} /> : null}
      {period.to ? <input type="hidden" name="to" value={period.to} /> : null}
      <div className="min-w-0 flex-1 sm:flex-none">
        <label htmlFor="commune" className="block text-sm font-semibold text-slate-800">
          {t('label')}
        </label>
        <select id="commune" name="commune" defaultValue={current ?? ''} required className="mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 sm:w-72">
          {current ? null : <option value="" disabled />}
          {provinces.length > 1 ? provinces.map((province) => <optgroup key={province} label={province}>{options(province)}</optgroup>) : options(provinces[0] ?? '')}
        </select>
      </div>
      <button type="submit" className={buttonStyles.secondary}>
        {t('submit')}
      </button>
    </form>
  )
}
