import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { buttonStyles } from '@/components/ui/button-styles'

export default async function NotFound() {
  const t = await getTranslations('NotFound')
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center sm:px-6 sm:py-24">
      <p className="text-5xl font-bold text-navy-600" aria-hidden="true">
        404
      </p>
      <h1 className="mt-4 text-2xl font-bold text-navy-900 sm:text-3xl">{t('title')}</h1>
      <p className="mt-3 text-slate-700">{t('body')}</p>
      <Link href="/" className={`${buttonStyles.navy} mt-8`}>
        {t('home')}
      </Link>
    </div>
  )
}
