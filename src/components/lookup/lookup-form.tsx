'use client'

import Link from 'next/link'
import { useLocale, useTranslations } from 'next-intl'
import { useActionState, useEffect, useRef } from 'react'
import { TextField } from '@/components/account/text-field'
import { buttonStyles } from '@/components/ui/button-styles'
import { splitWorkingMinutes, type RemainingTime } from '@/domain/calendar/remaining-time'
import { applicantMustAct } from '@/domain/lookup/public-next-step'
import { formatDateTime } from '@/lib/format/date'
import type { PublicDossierView } from '@/server/lookup/lookup-dossier'
import { lookupDossierAction } from './lookup.action'
import { INITIAL_LOOKUP_STATE, type LookupFormState } from './lookup-form-state'

const IDS = { code: 'ma-ho-so', contact: 'so-dien-thoai-hoac-cccd' }

/**
 * Dossier code + the applicant's phone or ID number → where the dossier stands. A POST form driven by a server
 * action (useActionState), so it also works before or without JavaScript.
 */
export function LookupForm() {
  const t = useTranslations('Lookup')
  const [state, action, pending] = useActionState(lookupDossierAction, INITIAL_LOOKUP_STATE)
  const fieldError = (field: 'code' | 'contact') => {
    const code = state.status === 'invalid' ? state.fieldErrors[field]?.[0] : undefined
    return code ? (t.has(`errors.${field}.${code}`) ? t(`errors.${field}.${code}`) : t('errors.unexpected')) : null
  }
  return (
    <div className="space-y-8">
      <form action={action} noValidate className="space-y-5">
        <Problem state={state} />
        <TextField
          id={IDS.code}
          name="code"
          label={t('form.code')}
          hint={t('form.codeHint')}
          error={fieldError('code')}
          defaultValue={state.values.code}
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          required
        />
        <TextField
          id={IDS.contact}
          name="contact"
          label={t('form.contact')}
          hint={t('form.contactHint')}
          error={fieldError('contact')}
          defaultValue={state.values.contact}
          autoComplete="off"
          inputMode="tel"
          maxLength={40}
          required
        />
        <button type="submit" disabled={pending} className={`${buttonStyles.primary} disabled:opacity-70`}>
          {pending ? t('form.pending') : t('form.submit')}
        </button>
      </form>
      {state.status === 'found' ? <LookupResult dossier={state.dossier} /> : null}
    </div>
  )
}

/** The refusal at the top of the form, focused when it appears. */
function Problem({ state }: { state: LookupFormState }) {
  const t = useTranslations('Lookup')
  const ref = useRef<HTMLDivElement>(null)
  const visible = state.status === 'invalid' || state.status === 'notFound' || state.status === 'rateLimited'
  useEffect(() => {
    if (visible) ref.current?.focus()
  }, [state, visible])
  if (!visible) return null
  const message =
    state.status === 'rateLimited'
      ? t('errors.rateLimited', { minutes: state.retryAfterMinutes })
      : state.status === 'notFound'
        ? t('errors.notFound')
        : null
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="rounded border-l-4 border-gov-red-700 bg-gov-red-50 px-4 py-3 text-sm text-gov-red-800">
      <p className="font-semibold">{t('errors.summaryTitle')}</p>
      {message ? <p className="mt-1">{message}</p> : null}
    </div>
  )
}

const REMAINING_TONES: Record<RemainingTime['status'], string> = {
  ON_TIME: 'border-emerald-700 bg-emerald-50 text-emerald-900',
  DUE_SOON: 'border-amber-600 bg-amber-50 text-amber-950',
  OVERDUE: 'border-gov-red-700 bg-gov-red-50 text-gov-red-800',
  PAUSED: 'border-slate-500 bg-slate-100 text-slate-800',
  DONE_EARLY: 'border-emerald-700 bg-emerald-50 text-emerald-900',
  DONE_ON_TIME: 'border-emerald-700 bg-emerald-50 text-emerald-900',
  DONE_LATE: 'border-gov-red-700 bg-gov-red-50 text-gov-red-800',
  NOT_STARTED: 'border-slate-500 bg-slate-100 text-slate-800',
}

/** The same words as the staff's remaining-time badge (messages `Due.badge`, `Due.duration`). */
function useRemainingLabel(): (remaining: RemainingTime) => string {
  const t = useTranslations('Due')
  return (remaining) => {
    const { days, hours, minutes } = splitWorkingMinutes(remaining.workingMinutes)
    const parts =
      days > 0
        ? [t('duration.days', { count: days }), hours > 0 ? t('duration.hours', { count: hours }) : null]
        : [hours > 0 ? t('duration.hours', { count: hours }) : null, minutes > 0 ? t('duration.minutes', { count: minutes }) : null]
    const duration = parts.filter(Boolean).join(' ')
    switch (remaining.status) {
      case 'DONE_ON_TIME':
      case 'NOT_STARTED':
        return t(`badge.${remaining.status}`)
      case 'PAUSED':
        if (remaining.workingMinutes < 0) return t('badge.PAUSED_LATE', { duration })
        return duration ? t('badge.PAUSED', { duration }) : t('badge.PAUSED_plain')
      default:
        return duration ? t(`badge.${remaining.status}`, { duration }) : t(`badge.${remaining.status}_plain`)
    }
  }
}

function LookupResult({ dossier }: { dossier: PublicDossierView }) {
  const t = useTranslations('Lookup')
  const states = useTranslations('Dossier.state')
  const locale = useLocale()
  const remainingLabel = useRemainingLabel()
  const ref = useRef<HTMLElement>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [dossier])
  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="ket-qua-tra-cuu" className="rounded border border-navy-200 bg-navy-50/40 p-5">
      <h2 id="ket-qua-tra-cuu" className="text-lg font-bold text-navy-900">
        {t('result.title', { code: dossier.code })}
      </h2>
      <dl className="mt-4 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold text-slate-700">{t('result.procedure')}</dt>
        <dd className="text-slate-900">{locale === 'en' ? dossier.procedureNameEn : dossier.procedureNameVi}</dd>
        <dt className="font-semibold text-slate-700">{t('result.state')}</dt>
        <dd className="font-semibold text-navy-900" data-state={dossier.state}>
          {states(dossier.state)}
        </dd>
        <dt className="font-semibold text-slate-700">{t('result.submittedAt')}</dt>
        <dd className="text-slate-900">{formatDateTime(dossier.submittedAt)}</dd>
        <dt className="font-semibold text-slate-700">{t('result.dueAt')}</dt>
        <dd className="text-slate-900">{dossier.dueAt ? formatDateTime(dossier.dueAt) : t('result.dueNotStarted')}</dd>
        {dossier.dueAt ? (
          <>
            <dt className="font-semibold text-slate-700">{t('result.remaining')}</dt>
            <dd>
              <span
                className={`inline-block rounded border px-2 py-0.5 text-xs font-semibold ${REMAINING_TONES[dossier.remaining.status]}`}
                data-status={dossier.remaining.status}
              >
                {remainingLabel(dossier.remaining)}
              </span>
            </dd>
          </>
        ) : null}
        <dt className="font-semibold text-slate-700">{t('result.nextStep')}</dt>
        <dd className={applicantMustAct(dossier.nextStep) ? 'font-semibold text-amber-950' : 'text-slate-900'}>{t(`nextStep.${dossier.nextStep}`)}</dd>
      </dl>
      <p className="mt-4 text-sm text-slate-700">
        {t('page.signInHint')}{' '}
        <Link href="/dang-nhap" className="font-semibold text-navy-800 underline">
          {t('page.signInLink')}
        </Link>
        .
      </p>
    </section>
  )
}
