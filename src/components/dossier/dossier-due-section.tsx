import { getTranslations } from 'next-intl/server'
import type { DossierDueDate } from '@/server/dossier/explain-dossier-due-date'
import { DueDateExplanation } from './due-date-explanation'
import { RemainingTimeBadge } from './remaining-time-badge'

/** The dossier's deadline: time remaining (coloured) and the due date explaining itself on expand. */
export async function DossierDueSection({ due }: { due: DossierDueDate }) {
  const t = await getTranslations('Due.explain')
  return (
    <section aria-labelledby="han-giai-quyet" className="mt-6">
      <h3 id="han-giai-quyet" className="flex flex-wrap items-center gap-2 font-semibold text-navy-900">
        {t('sectionTitle')} <RemainingTimeBadge remaining={due.remaining} />
      </h3>
      <div className="mt-2">
        <DueDateExplanation due={due} headingLevel={4} />
      </div>
    </section>
  )
}
