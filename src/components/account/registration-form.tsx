'use client'

import { useTranslations } from 'next-intl'
import { useActionState } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'
import { ErrorSummary, useFieldError } from './error-summary'
import { INITIAL_ACCOUNT_FORM_STATE } from './form-state'
import { registerCitizenAction } from './register-citizen.action'
import { TextField } from './text-field'

const IDS = {
  fullName: 'ho-ten',
  citizenId: 'so-dinh-danh',
  birthDate: 'ngay-sinh',
  gender: 'gioi-tinh-nam',
  phone: 'so-dien-thoai',
  email: 'thu-dien-tu',
  password: 'mat-khau',
  passwordConfirm: 'nhap-lai-mat-khau',
}

/**
 * Citizen registration. The server checks everything (the same rules with or without JavaScript); a
 * refused form comes back with each error next to its field and what was typed kept, passwords excepted.
 */
export function RegistrationForm({ today }: { today: string }) {
  const t = useTranslations('Account')
  const [state, action, pending] = useActionState(registerCitizenAction, INITIAL_ACCOUNT_FORM_STATE)
  const error = useFieldError(state)
  const genderError = error('gender')

  return (
    <form action={action} noValidate className="space-y-5">
      <ErrorSummary state={state} fieldIds={IDS} />
      <TextField
        id={IDS.fullName}
        name="fullName"
        label={t('fields.fullName')}
        hint={t('fields.fullNameHint')}
        error={error('fullName')}
        defaultValue={state.values.fullName}
        autoComplete="name"
        maxLength={100}
        required
      />
      <TextField
        id={IDS.citizenId}
        name="citizenId"
        label={t('fields.citizenId')}
        hint={t('fields.citizenIdHint')}
        error={error('citizenId')}
        defaultValue={state.values.citizenId}
        inputMode="numeric"
        autoComplete="off"
        maxLength={20}
        required
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          id={IDS.birthDate}
          name="birthDate"
          type="date"
          label={t('fields.birthDate')}
          error={error('birthDate')}
          defaultValue={state.values.birthDate}
          autoComplete="bday"
          min="1900-01-01"
          max={today}
          required
        />
        <fieldset aria-describedby={genderError ? 'gioi-tinh-loi' : undefined}>
          <legend className="block font-semibold text-slate-800">{t('fields.gender')}</legend>
          {genderError ? (
            <p id="gioi-tinh-loi" className="mt-1 text-sm font-semibold text-gov-red-700">
              {genderError}
            </p>
          ) : null}
          <div className="mt-1.5 flex min-h-11 items-center gap-6">
            {(['MALE', 'FEMALE'] as const).map((gender) => (
              <label key={gender} className="inline-flex items-center gap-2 text-base text-slate-900">
                <input
                  id={gender === 'MALE' ? IDS.gender : 'gioi-tinh-nu'}
                  type="radio"
                  name="gender"
                  value={gender}
                  defaultChecked={state.values.gender === gender}
                  className="size-5 accent-navy-700"
                />
                {t(gender === 'MALE' ? 'fields.genderMale' : 'fields.genderFemale')}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      <TextField
        id={IDS.phone}
        name="phone"
        type="tel"
        label={t('fields.phone')}
        hint={t('fields.phoneHint')}
        error={error('phone')}
        defaultValue={state.values.phone}
        autoComplete="tel"
        inputMode="tel"
        maxLength={20}
        required
      />
      <TextField
        id={IDS.email}
        name="email"
        type="email"
        label={t('fields.email')}
        error={error('email')}
        defaultValue={state.values.email}
        autoComplete="email"
        maxLength={254}
      />
      <TextField
        id={IDS.password}
        name="password"
        type="password"
        label={t('fields.password')}
        hint={t('fields.passwordHint')}
        error={error('password')}
        autoComplete="new-password"
        maxLength={200}
        required
      />
      <TextField
        id={IDS.passwordConfirm}
        name="passwordConfirm"
        type="password"
        label={t('fields.passwordConfirm')}
        error={error('passwordConfirm')}
        autoComplete="new-password"
        maxLength={200}
        required
      />
      <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full disabled:opacity-70`}>
        {pending ? t('register.pending') : t('register.submit')}
      </button>
    </form>
  )
}
