import { getTranslations } from 'next-intl/server'

/** Links to the sections of a long dashboard page, then to related pages (`related`). */
export async function SectionNav({ sections, related = [] }: { sections: { id: string; label: string }[]; related?: { href: string; label: string }[] }) {
  const t = await getTranslations('Dashboard')
  return (
    <nav aria-label={t('sections')} className="mt-4">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {sections.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`} className="font-semibold text-navy-800 underline">
              {section.label}
            </a>
          </li>
        ))}
        {related.map((link) => (
          <li key={link.href}>
            <a href={link.href} className="font-semibold text-navy-800 underline">
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
