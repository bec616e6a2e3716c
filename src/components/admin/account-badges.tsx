import { getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'

export async function RoleBadge({ role }: { role: string }) {
  const t = await getTranslations('Admin.roles')
  return <Badge tone="navy">{t.has(role) ? t(role) : role}</Badge>
}

export async function AccountStatusBadge({ disabled }: { disabled: boolean }) {
  const t = await getTranslations('Admin.status')
  return disabled ? <Badge tone="slate">{t('disabled')}</Badge> : <Badge tone="green">{t('active')}</Badge>
}
