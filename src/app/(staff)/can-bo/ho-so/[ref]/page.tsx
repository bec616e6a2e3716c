import { getTranslations } from 'next-intl/server'
import { DossierDetail } from '@/components/dossier/dossier-detail'
import { StaffNoteForm } from '@/components/dossier/staff-note-form'
import { formatDateTime } from '@/lib/format/date'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { getDossier } from '@/server/dossier/get-dossier'
import { orNotFound } from '@/server/http/page-result'
import { addStaffNoteAction } from './actions'

export default async function StaffDossierPage({ params }: { params: Promise<{ ref: string }> }) {
  const { ref } = await params
  const actor = await requirePagePermission('dossier.readCommune', `/can-bo/ho-so/${encodeURIComponent(ref)}`)
  const [dossier, t, errors] = await Promise.all([
    orNotFound(getDossier(db(), { actor, ref })),
    getTranslations('Dossier.notes'),
    getTranslations('Error'),
  ])
  return (
    <DossierDetail dossier={dossier} backHref="/can-bo">
      {dossier.notes ? (
        <section aria-labelledby="ghi-chu-noi-bo" className="mt-8 max-w-3xl">
          <h2 id="ghi-chu-noi-bo" className="text-lg font-semibold text-navy-900">{t('title')}</h2>
          <p className="text-sm text-slate-600">{t('privacy')}</p>
          {dossier.notes.length === 0 ? <p className="mt-2 text-sm">{t('empty')}</p> : null}
          <ul className="mt-3 space-y-2">
            {dossier.notes.map((note) => (
              <li key={note.id} className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
                <p className="whitespace-pre-line">{note.body}</p>
                <p className="mt-1 text-slate-600">{note.authorName} · {formatDateTime(note.createdAt)}</p>
              </li>
            ))}
          </ul>
          <StaffNoteForm
            dossierRef={dossier.code}
            action={addStaffNoteAction}
            labels={{ label: t('label'), submit: t('submit'), added: t('added'), failed: errors('title') }}
          />
        </section>
      ) : null}
    </DossierDetail>
  )
}
