import { NextIntlClientProvider } from 'next-intl'
import { getMessages } from 'next-intl/server'
import type { ReactNode } from 'react'

/** Gives the account forms (client components) the `Account` messages, and only those. */
export async function AccountMessages({ children }: { children: ReactNode }) {
  const messages = await getMessages()
  return <NextIntlClientProvider messages={{ Account: messages.Account }}>{children}</NextIntlClientProvider>
}
