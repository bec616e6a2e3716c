/**
 * <NextStepText steps={…} dossierHref="/ho-so-cua-toi/16681-261124-0007" communeName="Phường Thành Vinh" />
 * — what the applicant must or may do next, in plain words, each step with a link to where it is done on the
 * dossier's page (#yeu-cau-bo-sung, #thanh-toan, #ket-qua, #danh-gia). `steps` come from
 * domain/dossier/citizen-next-step.ts (citizenNextSteps), most pressing first; this component decides nothing.
 * Pass `dossierHref=""` on the dossier's own page (links become in-page anchors). Server component.
 */
import Link from 'next/link'
import { getLocale, getTranslations } from 'next-intl/server'
import type { CitizenNextStep } from '@/domain/dossier/citizen-next-step'
import { formatDate } from '@/lib/format/date'
import { formatVnd } from '@/lib/format/vnd'

/** Where on the dossier page each step is done. */
export const NEXT_STEP_ANCHORS: Partial<Record<CitizenNextStep['kind'], string>> = {
  ANSWER_SUPPLEMENT: 'yeu-cau-bo-sung',
  PAY: 'thanh-toan',
  DOWNLOAD_RESULT: 'ket-qua',
  RATE: 'danh-gia',
}

const REQUIRED = new Set<CitizenNextStep['kind']>(['ANSWER_SUPPLEMENT', 'PAY', 'COLLECT_RESULT'])

export async function NextStepText({ steps, dossierHref, communeName }: { steps: readonly CitizenNextStep[]; dossierHref: string; communeName: string }) {
  const [t, locale] = await Promise.all([getTranslations('Dossier.nextStep'), getLocale()])
  const sentence = (step: CitizenNextStep): string => {
    switch (step.kind) {
      case 'PAY':
        return t('PAY', { amount: formatVnd(step.amountVnd, locale) })
      case 'COLLECT_RESULT':
        return step.expectedAt ? t('COLLECT_RESULT_due', { commune: communeName, date: formatDate(step.expectedAt) }) : t('COLLECT_RESULT', { commune: communeName })
      case 'WAIT':
        return step.expectedAt ? t('WAIT_due', { date: formatDate(step.expectedAt) }) : t('WAIT')
      default:
        return t(step.kind)
    }
  }
  return (
    <ul className="space-y-1.5">
      {steps.map((step) => {
        const anchor = NEXT_STEP_ANCHORS[step.kind]
        const required = REQUIRED.has(step.kind)
        return (
          <li key={step.kind} data-step={step.kind} className={required ? 'font-semibold text-amber-950' : 'text-slate-800'}>
            <span>{sentence(step)}</span>
            {anchor ? (
              <>
                {' '}
                <Link href={`${dossierHref}#${anchor}`} className="font-semibold whitespace-nowrap text-navy-800 underline">
                  {t(`${step.kind}_link`)}
                </Link>
              </>
            ) : null}
          </li>
        )
      })}
    </ul>
  )
}
