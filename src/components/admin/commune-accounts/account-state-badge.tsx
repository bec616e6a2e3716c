import { getTranslations } from 'next-intl/server'
import type { CollectionAccountState } from '@/domain/payments/collection-account'

const tones: Record<CollectionAccountState, string> = {
  real: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  demo: 'bg-amber-50 text-amber-900 ring-amber-300',
  missing: 'bg-slate-100 text-slate-700 ring-slate-300',
}

/** "Tài khoản thử nghiệm" (a seed placeholder), "Chưa có tài khoản" or "Đã khai báo". */
export async function AccountStateBadge({ state }: { state: CollectionAccountState }) {
  const t = await getTranslations('AdminCommunes.status')
  return (
    <span className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${tones[state]}`}>
      {t(state)}
    </span>
  )
}
