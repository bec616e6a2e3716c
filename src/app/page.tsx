import { getTranslations } from 'next-intl/server'

export default async function HomePage() {
  const t = await getTranslations('App')
  return (
    <main className="mx-auto max-w-5xl p-6">
      <h1 className="text-2xl font-bold">{t('name')}</h1>
      <p>{t('tagline')}</p>
    </main>
  )
}
