/**
 * <DossierRatingView rating={…} audience="applicant" | "staff" /> — a given rating, read-only: stars, the
 * score in words, the comment and the date. For staff and province pages pass the result of
 * getDossierRating (src/server/rating/get-dossier-rating.ts); `null` shows "not rated yet" to staff and
 * nothing to the applicant (who gets the form instead). Server component; section id `danh-gia`.
 */
import { getTranslations } from 'next-intl/server'
import { formatDate } from '@/lib/format/date'

export type RatingViewData = { score: number; comment: string | null; createdAt: Date }

export async function DossierRatingView({ rating, audience, thanks = false }: { rating: RatingViewData | null; audience: 'applicant' | 'staff'; thanks?: boolean }) {
  if (!rating && audience === 'applicant') return null
  const t = await getTranslations('Dossier.rating')
  return (
    <section aria-labelledby="danh-gia" className="mt-8 max-w-3xl">
      <h2 id="danh-gia" className="text-lg font-semibold text-navy-900">
        {audience === 'staff' ? t('staffTitle') : t('title')}
      </h2>
      {thanks ? (
        <p role="status" className="mt-2 rounded border-l-4 border-emerald-600 bg-emerald-50 px-4 py-3 text-sm text-emerald-950">
          {t('thanks')}
        </p>
      ) : null}
      {rating ? (
        <div className="mt-3 rounded border border-slate-200 bg-white px-4 py-3 text-sm" data-score={rating.score}>
          {audience === 'applicant' ? <p className="font-semibold text-slate-700">{t('yours')}</p> : null}
          <p className="mt-1 flex flex-wrap items-center gap-2">
            <span aria-hidden="true" className="text-xl tracking-wider text-amber-600">
              {'★'.repeat(rating.score)}
              <span className="text-slate-300">{'★'.repeat(5 - rating.score)}</span>
            </span>
            <span className="font-semibold">{t('summary', { score: rating.score, label: t(`scoreLabel.${rating.score}`) })}</span>
          </p>
          {rating.comment ? <p className="mt-2 whitespace-pre-line">{rating.comment}</p> : null}
          <p className="mt-2 text-slate-600">{t('givenAt', { date: formatDate(rating.createdAt) })}</p>
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-700">{t('notYet')}</p>
      )}
    </section>
  )
}
