import type { Metadata, Viewport } from 'next'
import { getLocale, getTranslations } from 'next-intl/server'
import type { ReactNode } from 'react'
import { DIGEST_SLOT, type ErrorText } from '@/components/layout/error-text'
import { ErrorTextProvider } from '@/components/layout/error-text-provider'
import { SiteFooter } from '@/components/layout/site-footer'
import { SiteHeader } from '@/components/layout/site-header'
import './globals.css'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('App')
  return {
    title: { default: `${t('name')} · ${t('tagline')}`, template: `%s · ${t('name')}` },
    description: t('tagline'),
  }
}

export const viewport: Viewport = { themeColor: '#0c2146' }

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, error] = await Promise.all([getLocale(), getTranslations('Layout'), getTranslations('Error')])
  const errorText: ErrorText = {
    title: error('title'),
    body: error('body'),
    reference: error('reference', { digest: DIGEST_SLOT }),
    retry: error('retry'),
    home: error('home'),
  }
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col bg-white font-sans text-slate-900 antialiased">
        <a
          href="#noi-dung"
          className="sr-only z-50 bg-white px-4 py-2 font-semibold text-navy-900 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:px-4 focus:py-2"
        >
          {t('skipToContent')}
        </a>
        {/*
          No NextIntlClientProvider here: pages render on the server, and the few client components that
          translate on the client get their own provider with only their namespace (e.g. LookupMessages).
        */}
        <ErrorTextProvider text={errorText}>
          <SiteHeader />
          <main id="noi-dung" tabIndex={-1} className="flex-1 focus:outline-none">
            {children}
          </main>
          <SiteFooter />
        </ErrorTextProvider>
      </body>
    </html>
  )
}
