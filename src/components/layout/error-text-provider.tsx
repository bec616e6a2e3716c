'use client'

import { createContext, use, type ReactNode } from 'react'
import type { ErrorText } from './error-text'

const ErrorTextContext = createContext<ErrorText | null>(null)

export function ErrorTextProvider({ text, children }: { text: ErrorText; children: ReactNode }) {
  return <ErrorTextContext value={text}>{children}</ErrorTextContext>
}

export function useErrorText(): ErrorText {
  const text = use(ErrorTextContext)
  if (!text) throw new Error('useErrorText needs the ErrorTextProvider of the root layout')
  return text
}
