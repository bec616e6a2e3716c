/**
 * <MyDossierList dossiers={…} caption="…" /> — the citizen's own dossiers as cards, mobile first: one
 * column on a phone, code · procedure · dates · next step side by side from `lg` up. Each card shows the
 * code (link to /ho-so-cua-toi/<code>), the procedure, the commune, the state, the submission and due dates
 * (dd/MM/yyyy) with the time left, and what the applicant must do next (NextStepText).
 *
 * Props contract: `dossiers` are `MyDossierItem`s from listMyDossiers (src/server/dossier/list-dossiers.ts),
 * already limited to the signed-in applicant's own. Server component; no client JavaScript.
 */
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import { formatDate } from '@/lib/format/date'
import type { MyDossierItem } from '@/server/dossier/list-dossiers'
import { DossierStateBadge } from './dossier-state-badge'
import { NextStepText } from './next-step-text'
import { RemainingTimeBadge } from './remaining-time-badge'

export const MY_DOSSIERS_HREF = '/ho-so-cua-toi'

export async function MyDossierList({ dossiers, label }: { dossiers: readonly MyDossierItem[]; label: string }) {
  const [t, locale] = await Promise.all([getTranslations('Dossier.myDossiers'), getLocale()])
  return (
    <ul aria-label={label} className="space-y-3">
      {dossiers.map((dossier) => {
        const href = `${MY_DOSSIERS_HREF}/${dossier.code}`
        return (
          <li
            key={dossier.id}
            data-code={dossier.code}
            className={`rounded border bg-white p-4 shadow-sm ${dossier.mustAct ? 'border-amber-500 border-l-4' : 'border-slate-200'}`}
          >
            <div className="grid gap-3 lg:grid-cols-[minmax(0,5fr)_minmax(0,3fr)_minmax(0,4fr)] lg:gap-6">
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <Link href={href} aria-label={t('open', { code: dossier.code })} className="font-mono font-semibold text-navy-800 underline">
                    {dossier.code}
                  </Link>
                  <DossierStateBadge state={dossier.state} />
                </p>
                <p className="mt-1 font-semibold text-slate-900">{locale === 'en' ? dossier.procedureNameEn : dossier.procedureNameVi}</p>
                <p className="text-sm text-slate-700">{dossier.communeName}</p>
              </div>
              <dl className="grid grid-cols-[auto_1fr] content-start gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-700">{t('submittedAt')}</dt>
                <dd>{formatDate(dossier.submittedAt)}</dd>
                {dossier.completedAt ? (
                  <>
                    <dt className="text-slate-700">{t('completedAt')}</dt>
                    <dd>{formatDate(dossier.completedAt)}</dd>
                  </>
                ) : (
                  <>
                    <dt className="text-slate-700">{t('dueAt')}</dt>
                    <dd>{dossier.dueAt ? formatDate(dossier.dueAt) : t('noDue')}</dd>
                  </>
                )}
                {dossier.dueAt ? (
                  <dd className="col-span-2">
                    <RemainingTimeBadge remaining={dossier.remaining} />
                  </dd>
                ) : null}
              </dl>
              <div className="text-sm">
                <p className="font-semibold text-slate-700">{t('nextStepLabel')}</p>
                <div className="mt-1">
                  <NextStepText steps={dossier.nextSteps} dossierHref={href} communeName={dossier.communeName} />
                </div>
                {dossier.rating !== null ? <p className="mt-1 text-slate-700">{t('rated', { score: dossier.rating })}</p> : null}
              </div>
            </div>
          </li>
        )
      })}
    </ul>
  )
}
