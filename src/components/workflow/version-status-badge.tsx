import { getTranslations } from 'next-intl/server'
import { Badge } from '@/components/ui/badge'

const TONE = { DRAFT: 'navy', PUBLISHED: 'green', RETIRED: 'slate' } as const

/** Draft / in use / retired. */
export async function VersionStatusBadge({ status }: { status: keyof typeof TONE }) {
  const t = await getTranslations('Workflow.status')
  return <Badge tone={TONE[status]}>{t(status)}</Badge>
}
