import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'

export async function SignInCard() {
  const t = await getTranslations('Home.account')
  return (
    <section aria-labelledby="nop-truc-tuyen" className="rounded border border-navy-200 bg-white p-5 shadow-sm">
      <h2 id="nop-truc-tuyen" className="text-lg font-bold text-navy-900">
        {t('title')}
      </h2>
      <p className="mt-2 text-sm text-slate-700">{t('body')}</p>
      <Link href="/dang-nhap" className={`${buttonStyles.navy} mt-4 w-full`}>
        {t('cta')}
      </Link>
    </section>
  )
}
