import { checkPasswordPolicy, type PasswordIssue } from '@/domain/identity/password-policy'

export type NewPasswordErrors = {
  password?: (PasswordIssue | 'REQUIRED')[]
  confirm?: ('REQUIRED' | 'MISMATCH')[]
}

/**
 * A new password and its confirmation, as every form that sets one asks for them (registration, reset,
 * change). `personal` are the person's own identifiers, which the password must not contain.
 */
export function checkNewPassword(password: string, confirm: string, personal: readonly (string | null | undefined)[] = []): NewPasswordErrors {
  const errors: NewPasswordErrors = {}
  if (password === '') errors.password = ['REQUIRED']
  else {
    const issues = checkPasswordPolicy(password, personal)
    if (issues.length > 0) errors.password = issues
  }
  if (confirm === '') errors.confirm = ['REQUIRED']
  else if (password !== '' && confirm.normalize('NFC') !== password.normalize('NFC')) errors.confirm = ['MISMATCH']
  return errors
}
