import type { OnlineLevelView } from '@/server/catalogue/procedure.dto'
import { Badge } from '@/components/ui/badge'

const tone = { FULL: 'green', PARTIAL: 'navy', NONE: 'slate' } as const

export function OnlineLevelBadge({ level, label }: { level: OnlineLevelView; label: string }) {
  return <Badge tone={tone[level]}>{label}</Badge>
}
