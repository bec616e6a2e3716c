import { getTranslations } from 'next-intl/server'
import { formatDateTime } from '@/lib/format/date'
import type { DevMailboxMessage } from '@/server/outbox/list-dev-mailbox'

/** Demo mode: the messages the outbox holds, newest first. */
export async function DevMailboxTable({ messages }: { messages: DevMailboxMessage[] }) {
  const t = await getTranslations('Account.mailbox')
  if (messages.length === 0) return <p className="text-slate-700">{t('empty')}</p>
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t('caption')}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="py-2 pr-4 font-semibold whitespace-nowrap">
              {t('time')}
            </th>
            <th scope="col" className="py-2 pr-4 font-semibold">
              {t('recipient')}
            </th>
            <th scope="col" className="py-2 pr-4 font-semibold">
              {t('channel')}
            </th>
            <th scope="col" className="py-2 font-semibold">
              {t('content')}
            </th>
          </tr>
        </thead>
        <tbody>
          {messages.map((message) => (
            <tr key={message.id} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-4 whitespace-nowrap tabular-nums">
                <time dateTime={message.createdAt.toISOString()}>{formatDateTime(message.createdAt)}</time>
              </td>
              <td className="py-2 pr-4 font-mono">{message.recipient}</td>
              <td className="py-2 pr-4">{t(`channels.${message.channel}`)}</td>
              <td lang="vi" className="py-2 break-words">
                {message.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
