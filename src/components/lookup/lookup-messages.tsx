import { NextIntlClientProvider } from 'next-intl'
import { getMessages } from 'next-intl/server'
import type { ReactNode } from 'react'

/** Gives the lookup form (a client component) the messages it uses, and only those. */
export async function LookupMessages({ children }: { children: ReactNode }) {
  const messages = await getMessages()
  return (
    <NextIntlClientProvider
      messages={{ Lookup: messages.Lookup, Dossier: { state: messages.Dossier.state }, Due: { badge: messages.Due.badge, duration: messages.Due.duration } }}
    >
      {children}
    </NextIntlClientProvider>
  )
}
