'use client'

import Link from 'next/link'
import { useActionState, useState } from 'react'
import { buttonStyles } from '@/components/ui/button-styles'
import { CommunePicker, type CommuneChoice, type CommunePickerLabels } from './commune-picker'
import { describedBy, FieldError, FormField, FormMessage, inputBorder, inputClass, NewPasswordInput } from './form-field'
import { IDLE, type FormState } from './form-state'

/** Roles an administrator assigns, and which of them are bound to communes (mirrors domain/access/roles). */
export type RoleOption = { value: string; label: string; hint: string; communeBound: boolean }

export type StaffFormLabels = {
  fullName: string
  username: string
  usernameHint: string
  password: string
  passwordHint: string
  passwordConfirm: string
  role: string
  phone: string
  email: string
  optional: string
  submit: string
  pending: string
  cancel: string
  ownRole: string
  noCommunesForRole: string
  communes: CommunePickerLabels
}

export type StaffFormValues = {
  userId?: string
  fullName: string
  role: string
  communeIds: string[]
  phone: string
  email: string
  username?: string
}

type Action = (state: FormState, formData: FormData) => Promise<FormState>

const text = (values: FormState['values'], key: string): string | undefined => {
  const value = values?.[key]
  return typeof value === 'string' ? value : undefined
}

/**
 * Create or edit a staff account. The server validates everything (zod in the use-case) and answers with
 * a message per field; the fields are controlled, so what was typed stays when the answer is an error
 * (except passwords, which are never sent back).
 */
export function StaffForm({
  mode,
  action,
  initial,
  roles,
  communes,
  labels,
  lockRole = false,
  cancelHref,
}: {
  mode: 'create' | 'update'
  action: Action
  initial: StaffFormValues
  roles: RoleOption[]
  communes: readonly CommuneChoice[]
  labels: StaffFormLabels
  /** An administrator editing their own account keeps their role. */
  lockRole?: boolean
  cancelHref: string
}) {
  const [state, formAction, pending] = useActionState(action, IDLE)
  const [fullName, setFullName] = useState(() => text(state.values, 'fullName') ?? initial.fullName)
  const [username, setUsername] = useState(() => text(state.values, 'username') ?? initial.username ?? '')
  const [role, setRole] = useState(() => text(state.values, 'role') ?? initial.role)
  const [communeIds, setCommuneIds] = useState<string[]>(() => {
    const echoed = state.values?.communeIds
    return Array.isArray(echoed) ? echoed : initial.communeIds
  })
  const [phone, setPhone] = useState(() => text(state.values, 'phone') ?? initial.phone)
  const [email, setEmail] = useState(() => text(state.values, 'email') ?? initial.email)
  const errors = state.status === 'error' ? (state.fieldErrors ?? {}) : {}
  const roleOption = roles.find((option) => option.value === role)
  const communeBound = roleOption?.communeBound ?? false

  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormMessage status={state.status} message={state.message} />
      {initial.userId ? <input type="hidden" name="userId" value={initial.userId} /> : null}

      <FormField id="ho-ten" label={labels.fullName} error={errors.fullName}>
        <input
          id="ho-ten"
          name="fullName"
          type="text"
          value={fullName}
          onChange={(event) => setFullName(event.target.value)}
          maxLength={100}
          autoComplete="off"
          required
          aria-invalid={errors.fullName ? true : undefined}
          aria-describedby={describedBy('ho-ten', { error: errors.fullName })}
          className={`${inputClass} ${inputBorder}`}
        />
      </FormField>

      {mode === 'create' ? (
        <>
          <FormField id="ten-dang-nhap" label={labels.username} hint={labels.usernameHint} error={errors.username}>
            <input
              id="ten-dang-nhap"
              name="username"
              type="text"
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              maxLength={50}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              aria-invalid={errors.username ? true : undefined}
              aria-describedby={describedBy('ten-dang-nhap', { hint: labels.usernameHint, error: errors.username })}
              className={`${inputClass} ${inputBorder} font-mono`}
            />
          </FormField>
          <div className="grid gap-6 sm:grid-cols-2">
            <FormField id="mat-khau" label={labels.password} error={errors.password}>
              <NewPasswordInput
                id="mat-khau"
                name="password"
                error={errors.password}
                describedBy={['mat-khau-goi-y-chung', errors.password ? 'mat-khau-loi' : null].filter(Boolean).join(' ')}
              />
            </FormField>
            <FormField id="nhap-lai-mat-khau" label={labels.passwordConfirm} error={errors.passwordConfirm}>
              <NewPasswordInput
                id="nhap-lai-mat-khau"
                name="passwordConfirm"
                error={errors.passwordConfirm}
                describedBy={describedBy('nhap-lai-mat-khau', { error: errors.passwordConfirm })}
              />
            </FormField>
            <p id="mat-khau-goi-y-chung" className="-mt-4 text-sm text-slate-600 sm:col-span-2">
              {labels.passwordHint}
            </p>
          </div>
        </>
      ) : null}

      {lockRole ? (
        <div>
          <input type="hidden" name="role" value={role} />
          <p className="font-semibold text-slate-800">{labels.role}</p>
          <p className="mt-1.5 text-slate-900">
            {roleOption?.label ?? role} <span className="text-sm text-slate-600">({labels.ownRole})</span>
          </p>
          <FieldError id="vai-tro" error={errors.role} />
        </div>
      ) : (
        <FormField id="vai-tro" label={labels.role} hint={roleOption?.hint} error={errors.role}>
          <select
            id="vai-tro"
            name="role"
            value={role}
            onChange={(event) => setRole(event.target.value)}
            required
            aria-invalid={errors.role ? true : undefined}
            aria-describedby={describedBy('vai-tro', { hint: roleOption?.hint, error: errors.role })}
            className={`${inputClass} ${inputBorder}`}
          >
            {role === '' ? <option value="">—</option> : null}
            {roles.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </FormField>
      )}

      {communeBound || errors.communeIds ? (
        communeBound ? (
          <CommunePicker options={communes} value={communeIds} onChange={setCommuneIds} labels={labels.communes} error={errors.communeIds} />
        ) : (
          <FieldError id="xa-phuong" error={errors.communeIds} />
        )
      ) : (
        <p className="text-sm text-slate-600">{labels.noCommunesForRole}</p>
      )}

      <div className="grid gap-6 sm:grid-cols-2">
        <FormField id="so-dien-thoai" label={labels.phone} optionalLabel={labels.optional} error={errors.phone}>
          <input
            id="so-dien-thoai"
            name="phone"
            type="tel"
            value={phone}
            onChange={(event) => setPhone(event.target.value)}
            maxLength={20}
            autoComplete="off"
            inputMode="tel"
            aria-invalid={errors.phone ? true : undefined}
            aria-describedby={describedBy('so-dien-thoai', { error: errors.phone })}
            className={`${inputClass} ${inputBorder}`}
          />
        </FormField>
        <FormField id="thu-dien-tu" label={labels.email} optionalLabel={labels.optional} error={errors.email}>
          <input
            id="thu-dien-tu"
            name="email"
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            maxLength={254}
            autoComplete="off"
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={describedBy('thu-dien-tu', { error: errors.email })}
            className={`${inputClass} ${inputBorder}`}
          />
        </FormField>
      </div>

      <div className="flex flex-col gap-3 border-t border-slate-200 pt-6 sm:flex-row">
        <button type="submit" disabled={pending} className={`${buttonStyles.primary} disabled:opacity-70`}>
          {pending ? labels.pending : labels.submit}
        </button>
        <Link href={cancelHref} className={buttonStyles.secondary}>
          {labels.cancel}
        </Link>
      </div>
    </form>
  )
}
