import 'server-only'
import type { StaffRole } from '@/domain/access/roles'
import type { CommuneRef } from './staff.repo'

/**
 * What the audit log records of a staff account: the fields an administrator manages, readable as they
 * are (communes by name and code). Never the password or its hash.
 */
export type StaffSnapshot = {
  fullName: string
  role: StaffRole
  communes: string[]
  phone: string | null
  email: string | null
}

export function communeLabel(commune: Pick<CommuneRef, 'code' | 'name'>): string {
  return `${commune.name} (${commune.code})`
}

export function staffSnapshot(account: {
  fullName: string
  role: StaffRole
  phone: string | null
  email: string | null
  communes: readonly Pick<CommuneRef, 'code' | 'name'>[]
}): StaffSnapshot {
  const communes = [...account.communes].sort((a, b) => a.code.localeCompare(b.code)).map(communeLabel)
  return { fullName: account.fullName, role: account.role, communes, phone: account.phone, email: account.email }
}

type Changes = { before: Partial<StaffSnapshot>; after: Partial<StaffSnapshot> }

/** Only the fields that differ, as `{ before, after }`; empty objects when nothing changed. */
export function snapshotChanges(before: StaffSnapshot, after: StaffSnapshot): Changes {
  const changes: { before: Record<string, unknown>; after: Record<string, unknown> } = { before: {}, after: {} }
  for (const key of Object.keys(after) as (keyof StaffSnapshot)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      changes.before[key] = before[key]
      changes.after[key] = after[key]
    }
  }
  return changes as Changes
}
