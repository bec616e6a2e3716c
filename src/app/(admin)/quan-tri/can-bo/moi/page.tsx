import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { AdminPageHeader } from '@/components/admin/admin-page-header'
import { StaffForm } from '@/components/admin/staff-form'
import { roleOptions, staffFormLabels } from '@/components/admin/staff-form-labels'
import { listCommuneOptions } from '@/server/admin/list-commune-options'
import { requirePagePermission } from '@/server/auth/session'
import { db } from '@/server/db'
import { createStaffAction } from './create-staff.action'

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Admin.create')
  return { title: t('metaTitle'), robots: { index: false } }
}

/** Create a staff account: username, temporary password, role and communes. */
export default async function NewStaffAccountPage() {
  const actor = await requirePagePermission('admin.manageStaff', '/quan-tri/can-bo/moi')
  const [t, communes, labels, roles] = await Promise.all([
    getTranslations('Admin'),
    listCommuneOptions(db(), { actor }),
    staffFormLabels('create'),
    roleOptions(),
  ])
  return (
    <>
      <AdminPageHeader
        current="staff"
        crumbs={[{ label: t('tabs.staff'), href: '/quan-tri' }, { label: t('create.title') }]}
        title={t('create.title')}
        lead={t('create.lead')}
      />
      <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
        <div className="rounded border border-slate-200 bg-white p-5 shadow-sm sm:p-8">
          <StaffForm
            mode="create"
            action={createStaffAction}
            initial={{ fullName: '', role: 'CLERK', communeIds: [], phone: '', email: '' }}
            roles={roles}
            communes={communes.map(({ id, code, name }) => ({ id, code, name }))}
            labels={labels}
            cancelHref="/quan-tri"
          />
        </div>
      </div>
    </>
  )
}
