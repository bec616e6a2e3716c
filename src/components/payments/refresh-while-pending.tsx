'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * Asks the server for the page again every few seconds, a limited number of times, while a payment waits for
 * the gateway's confirmation (the server re-renders; nothing moves focus or is announced unless the state
 * changes). Without JavaScript the page offers its own "update now" link instead.
 */
export function RefreshWhilePending({ everySeconds = 4, times = 15 }: { everySeconds?: number; times?: number }) {
  const router = useRouter()
  useEffect(() => {
    let left = times
    const timer = window.setInterval(() => {
      left -= 1
      router.refresh()
      if (left <= 0) window.clearInterval(timer)
    }, everySeconds * 1000)
    return () => window.clearInterval(timer)
  }, [router, everySeconds, times])
  return null
}
