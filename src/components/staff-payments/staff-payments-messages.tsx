import { NextIntlClientProvider } from 'next-intl'
import { getMessages } from 'next-intl/server'
import type { ReactNode } from 'react'

/** Gives the workspace's client forms (statement import, resolving an exception) their namespace, and only it. */
export async function StaffPaymentsMessages({ children }: { children: ReactNode }) {
  const messages = await getMessages()
  return <NextIntlClientProvider messages={{ StaffPayments: messages.StaffPayments }}>{children}</NextIntlClientProvider>
}
