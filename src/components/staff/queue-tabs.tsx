import Link from 'next/link'
import { getTranslations } from 'next-intl/server'
import { STAFF_QUEUES, type StaffQueue } from '@/domain/dossier/staff-queues'

import type { QueueCounts } from '@/server/dossier/staff-queue.repo'

/** One tab per queue with its count; the current one marked for assistive technology. */
export async function QueueTabs({ current, counts, hrefFor }: { current: StaffQueue; counts: QueueCounts; hrefFor: (queue: StaffQueue) => string }) {
  const t = await getTranslations('Dossier.queue')
  return (
    <nav aria-label={t('tabs')}>
      <ul className="flex flex-wrap gap-2">
        {STAFF_QUEUES.map((queue) => {
          const active = queue === current
          const urgent = (queue === 'overdue' || queue === 'due_soon') && counts[queue] > 0
          return (
            <li key={queue}>
              <Link
                href={hrefFor(queue)}
                aria-current={active ? 'page' : undefined}
                data-queue={queue}
                className={`inline-flex items-center gap-2 rounded border px-3 py-2 text-sm font-semibold ${
                  active ? 'border-navy-800 bg-navy-800 text-white' : 'border-slate-300 bg-white text-navy-900 hover:border-navy-600'
                }`}
              >
                {t(`queue.${queue}`)}
                {queue !== 'all' ? (
                  <span className={`rounded-full px-2 text-xs ${active ? 'bg-white text-navy-900' : urgent ? 'bg-gov-red-700 text-white' : 'bg-slate-200 text-slate-900'}`}>
                    {counts[queue].toLocaleString('vi-VN')}
                  </span>
                ) : null}
              </Link>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
