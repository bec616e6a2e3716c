import { getTranslations } from 'next-intl/server'
import { describedBy, FormField, inputBorder, inputClass } from '@/components/admin/form-field'
import { catalogueLabels } from '@/components/catalogue/catalogue-labels'
import { buttonStyles } from '@/components/ui/button-styles'
import type { ReceptionCommune, ReceptionProcedure } from '@/server/reception/reception-catalogue'

/**
 * Step 2: the receiving commune (when the clerk serves several) and the procedure, from the active
 * catalogue grouped by field. A GET form: choosing reloads the page with the procedure's own checklist.
 */
export async function ProcedurePicker({
  communes,
  communeCode,
  procedures,
  slug,
  unavailable,
  keep,
}: {
  communes: ReceptionCommune[]
  communeCode: string | null
  procedures: ReceptionProcedure[]
  slug: string
  /** The slug in the address is not a procedure that can be received. */
  unavailable: boolean
  keep: Record<string, string>
}) {
  const [t, labels] = await Promise.all([getTranslations('Reception.procedure'), catalogueLabels()])
  const fields = [...new Set(procedures.map((procedure) => procedure.field))]
  const error = unavailable ? t('unavailable') : undefined
  return (
    <section aria-labelledby="chon-thu-tuc" className="rounded border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="chon-thu-tuc" className="text-lg font-semibold text-navy-900">
        {t('title')}
      </h2>
      <form method="get" action="/can-bo/tiep-nhan" className="mt-3 space-y-4">
        {Object.entries(keep).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {communes.length > 1 ? (
          <FormField id="xa-tiep-nhan" label={t('commune')}>
            <select id="xa-tiep-nhan" name="xa" defaultValue={communeCode ?? ''} required className={`${inputClass} ${inputBorder}`}>
              {communeCode ? null : <option value="">—</option>}
              {communes.map((commune) => (
                <option key={commune.id} value={commune.code}>
                  {commune.name}
                </option>
              ))}
            </select>
          </FormField>
        ) : null}
        <FormField id="thu-tuc" label={t('label')} error={error}>
          <select
            id="thu-tuc"
            name="thu-tuc"
            defaultValue={unavailable ? '' : slug}
            required
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy('thu-tuc', { error })}
            className={`${inputClass} ${inputBorder}`}
          >
            <option value="">{t('placeholder')}</option>
            {fields.map((field) => (
              <optgroup key={field} label={labels.field(field).text}>
                {procedures
                  .filter((procedure) => procedure.field === field)
                  .map((procedure) => (
                    <option key={procedure.slug} value={procedure.slug}>
                      {labels.name(procedure)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </FormField>
        <button type="submit" className={buttonStyles.navy}>
          {slug && !unavailable ? t('change') : t('submit')}
        </button>
      </form>
    </section>
  )
}
