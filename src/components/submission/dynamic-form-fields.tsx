import type { ReactNode } from 'react'
import { inputBorder, inputClass } from '@/components/admin/form-field'
import type { FormDefinition } from '@/domain/forms/form-definition'
import { fieldId, fieldName, groupEntriesToShow, textOf, GROUP_ENTRY_MARKER, type RawAddress, type RawFormValues, type RawGroupEntry } from '@/domain/forms/form-values'
import { FileSlot, type FileSlotTexts, type UploadedFile } from './file-slot'

/**
 * The fields of a procedure's form, rendered on the server from its definition (no JavaScript needed to
 * fill it in): one control per field type, labels and hints in the reader's language, what was typed shown
 * again, and each error right under its field. Conditional fields carry the data attributes the visibility
 * style sheet (domain/forms/visibility-styles.ts) reads; repeatable groups post the names of form-values.ts.
 */

type Field = FormDefinition['sections'][number]['fields'][number]
type GroupField = Extract<Field, { type: 'group' }>
type LeafField = Exclude<Field, GroupField>

export type FormTexts = {
  required: string
  choose: string
  chooseCommune: string
  addressLine: string
  addressCommune: string
  dateHint: string
  datePlaceholder: string
  /** "Only when you chose: {condition}" with the condition worded. */
  onlyWhen: (condition: string) => string
  entry: (group: string, number: number) => string
  addEntry: (group: string) => string
  removeEntry: (number: number) => string
}

export type DynamicFormProps = {
  definition: FormDefinition
  values: RawFormValues
  /** Error sentences by dotted path (`treHoTen`, `giayTo.0.soTrang`, `noiCuTru.communeCode`). */
  errors: Record<string, string[]>
  locale: 'vi' | 'en'
  communes: readonly { code: string; name: string }[]
  draftId: string
  /** Files already on the draft, by field name. */
  files: Record<string, UploadedFile[]>
  texts: FormTexts
  fileTexts: FileSlotTexts
}

type Context = Omit<DynamicFormProps, 'definition' | 'values'>

const labelOf = (item: { labelVi: string; labelEn: string }, locale: 'vi' | 'en') => (locale === 'vi' ? item.labelVi : item.labelEn)
const helpOf = (item: { helpVi?: string | undefined; helpEn?: string | undefined }, locale: 'vi' | 'en') => (locale === 'vi' ? item.helpVi : item.helpEn)

/** "Khai thông tin người cha" / "Hình thức: Không ký…" — the condition a conditional field waits for. */
function conditionText(field: Field, siblings: readonly Field[], locale: 'vi' | 'en'): string | null {
  const condition = field.visibleWhen
  if (!condition) return null
  const controller = siblings.find((candidate) => candidate.key === condition.field)
  if (!controller) return null
  const expected = 'equals' in condition ? [condition.equals] : condition.oneOf
  if (controller.type === 'checkbox') return labelOf(controller, locale)
  const options = controller.type === 'select' || controller.type === 'radio' ? controller.options : []
  const worded = expected.map((value) => {
    const option = options.find((candidate) => candidate.value === String(value))
    return option ? labelOf(option, locale) : String(value)
  })
  return `${labelOf(controller, locale)}: ${worded.join(' / ')}`
}

function ErrorLines({ id, messages }: { id: string; messages: readonly string[] | undefined }) {
  // Always present (empty when fine) so the browser's check of the same schema can fill it in.
  return (
    <p id={`${id}-loi`} data-error-for={id} className="mt-1.5 text-sm font-semibold text-gov-red-700 empty:hidden">
      {messages?.join(' ') ?? ''}
    </p>
  )
}

function Label({ htmlFor, text, required, requiredText }: { htmlFor: string; text: string; required: boolean; requiredText: string }) {
  return (
    <label htmlFor={htmlFor} className="block font-semibold text-slate-800">
      {text}
      {required ? (
        <span className="text-gov-red-700" title={requiredText}>
          {' '}
          *<span className="sr-only"> ({requiredText})</span>
        </span>
      ) : null}
    </label>
  )
}

function describedBy(id: string, hint: boolean): string {
  return [hint ? `${id}-goi-y` : null, `${id}-loi`].filter(Boolean).join(' ')
}

function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-goi-y`} className="mt-1 text-sm text-slate-600">
      {children}
    </p>
  )
}

function LeafControl({ field, path, raw, context, condition }: { field: LeafField; path: (string | number)[]; raw: unknown; context: Context; condition: string | null }) {
  const { locale, texts } = context
  const name = fieldName(path)
  const id = fieldId(name)
  const label = labelOf(field, locale)
  const errors = context.errors[name]
  const invalid = errors && errors.length > 0 ? true : undefined
  const help = helpOf(field, locale)
  const hintParts = [help, field.type === 'date' ? texts.dateHint : null, condition ? texts.onlyWhen(condition) : null].filter(Boolean)
  const hint = hintParts.length > 0 ? <Hint id={id}>{hintParts.join(' ')}</Hint> : null
  const common = { id, name, 'aria-invalid': invalid, 'aria-describedby': describedBy(id, Boolean(hint)), 'aria-required': field.required || undefined }
  const inputClasses = `${inputClass} ${inputBorder}`

  switch (field.type) {
    case 'checkbox':
      return (
        <div>
          <div className="flex items-start gap-3">
            <input {...common} type="checkbox" defaultChecked={raw === 'on' || raw === 'true' || raw === true} className="mt-1 size-5 shrink-0 accent-navy-800" />
            <label htmlFor={id} className="font-semibold text-slate-800">
              {label}
            </label>
          </div>
          {hint}
          <ErrorLines id={id} messages={errors} />
        </div>
      )
    case 'radio':
      return (
        <fieldset aria-describedby={common['aria-describedby']} aria-invalid={invalid} id={id}>
          <legend className="font-semibold text-slate-800">
            {label}
            {field.required ? <span className="text-gov-red-700"> *<span className="sr-only"> ({texts.required})</span></span> : null}
          </legend>
          <div className="mt-1.5 flex flex-wrap gap-x-6 gap-y-2">
            {field.options.map((option, index) => (
              <label key={option.value} className="flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name={name}
                  id={index === 0 ? `${id}-0` : undefined}
                  value={option.value}
                  defaultChecked={textOf(raw) === option.value}
                  className="size-5 accent-navy-800"
                />
                <span>{labelOf(option, locale)}</span>
              </label>
            ))}
          </div>
          {hint}
          <ErrorLines id={id} messages={errors} />
        </fieldset>
      )
    case 'address': {
      const address = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Partial<RawAddress>
      const lineName = `${name}.line`
      const communeName = `${name}.communeCode`
      return (
        <fieldset id={id} aria-describedby={common['aria-describedby']}>
          <legend className="font-semibold text-slate-800">
            {label}
            {field.required ? <span className="text-gov-red-700"> *<span className="sr-only"> ({texts.required})</span></span> : null}
          </legend>
          {hint}
          <div className="mt-1 grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor={fieldId(lineName)} className="block text-sm text-slate-700">
                {texts.addressLine}
              </label>
              <input
                id={fieldId(lineName)}
                name={lineName}
                type="text"
                maxLength={200}
                autoComplete="street-address"
                defaultValue={address.line ?? ''}
                aria-invalid={context.errors[lineName] ? true : undefined}
                aria-describedby={`${fieldId(lineName)}-loi`}
                className={inputClasses}
              />
              <ErrorLines id={fieldId(lineName)} messages={context.errors[lineName]} />
            </div>
            <div>
              <label htmlFor={fieldId(communeName)} className="block text-sm text-slate-700">
                {texts.addressCommune}
              </label>
              <select
                id={fieldId(communeName)}
                name={communeName}
                defaultValue={address.communeCode ?? ''}
                aria-invalid={context.errors[communeName] ? true : undefined}
                aria-describedby={`${fieldId(communeName)}-loi`}
                className={inputClasses}
              >
                <option value="">{texts.chooseCommune}</option>
                {context.communes.map((commune) => (
                  <option key={commune.code} value={commune.code}>
                    {commune.name}
                  </option>
                ))}
              </select>
              <ErrorLines id={fieldId(communeName)} messages={context.errors[communeName]} />
            </div>
          </div>
          <ErrorLines id={id} messages={errors} />
        </fieldset>
      )
    }
    case 'file':
      return (
        <div>
          <FileSlot
            draftId={context.draftId}
            name={name}
            inputId={id}
            documentKey={field.documentKey}
            label={label}
            required={field.required}
            accept={field.accept}
            maxFiles={field.maxFiles}
            initialFiles={context.files[name] ?? []}
            describedBy={common['aria-describedby']}
            invalid={Boolean(invalid)}
            texts={context.fileTexts}
          />
          {hint}
          <ErrorLines id={id} messages={errors} />
        </div>
      )
    default:
      break
  }

  let control: ReactNode
  switch (field.type) {
    case 'textarea':
      control = <textarea {...common} rows={4} maxLength={field.maxLength} defaultValue={textOf(raw)} className={`${inputClasses} py-2`} />
      break
    case 'select':
      control = (
        <select {...common} defaultValue={textOf(raw)} className={inputClasses}>
          <option value="">{texts.choose}</option>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {labelOf(option, locale)}
            </option>
          ))}
        </select>
      )
      break
    case 'number': {
      const unit = locale === 'vi' ? field.unitVi : field.unitEn
      control = (
        <div className="flex items-center gap-2">
          <input {...common} type="text" inputMode={field.integer ? 'numeric' : 'decimal'} defaultValue={textOf(raw)} className={`${inputClasses} max-w-40`} />
          {unit ? <span className="mt-1.5 text-slate-700">{unit}</span> : null}
        </div>
      )
      break
    }
    case 'date':
      control = <input {...common} type="text" inputMode="numeric" placeholder={texts.datePlaceholder} maxLength={10} defaultValue={textOf(raw)} className={`${inputClasses} max-w-48`} />
      break
    case 'citizenId':
      control = <input {...common} type="text" inputMode="numeric" maxLength={14} autoComplete="off" defaultValue={textOf(raw)} className={`${inputClasses} max-w-64`} />
      break
    case 'phone':
      control = <input {...common} type="tel" autoComplete="tel" maxLength={15} defaultValue={textOf(raw)} className={`${inputClasses} max-w-64`} />
      break
    case 'email':
      control = <input {...common} type="email" autoComplete="email" maxLength={200} defaultValue={textOf(raw)} className={inputClasses} />
      break
    default:
      control = <input {...common} type="text" maxLength={field.maxLength} defaultValue={textOf(raw)} className={inputClasses} />
  }
  return (
    <div>
      <Label htmlFor={id} text={label} required={field.required} requiredText={texts.required} />
      {control}
      {hint}
      <ErrorLines id={id} messages={errors} />
    </div>
  )
}

function GroupControl({ field, raw, context }: { field: GroupField; raw: unknown; context: Context }) {
  const { locale, texts } = context
  const label = labelOf(field, locale)
  const id = fieldId(field.key)
  const entries: RawGroupEntry[] = groupEntriesToShow(field, raw)
  const removable = entries.length > Math.max(field.minItems, 1)
  return (
    <fieldset id={id} aria-describedby={`${id}-loi`} className="space-y-4">
      <legend className="text-lg font-semibold text-navy-900">{label}</legend>
      {entries.map((entry, index) => (
        <div key={index} data-entry-of={field.key} className="rounded border border-slate-300 bg-slate-50 p-4">
          <input type="hidden" name={fieldName([field.key, index, GROUP_ENTRY_MARKER])} value="1" />
          <h3 className="font-semibold text-navy-900">{texts.entry(label, index + 1)}</h3>
          <div className="mt-3 space-y-4">
            {field.fields.map((inner) => (
              <div key={inner.key} data-entry-field={inner.key}>
                <LeafControl field={inner} path={[field.key, index, inner.key]} raw={entry[inner.key]} context={context} condition={conditionText(inner, field.fields, locale)} />
              </div>
            ))}
          </div>
          {removable ? (
            <button type="submit" name="_intent" value={`remove:${field.key}:${index}`} formNoValidate className="mt-3 min-h-11 font-semibold text-gov-red-700 underline underline-offset-2">
              {texts.removeEntry(index + 1)}
            </button>
          ) : null}
        </div>
      ))}
      {entries.length < field.maxItems ? (
        <button type="submit" name="_intent" value={`add:${field.key}`} formNoValidate className="min-h-11 rounded border border-navy-700 bg-white px-4 font-semibold text-navy-800 hover:bg-navy-50">
          + {texts.addEntry(label.toLocaleLowerCase(locale))}
        </button>
      ) : null}
      <ErrorLines id={id} messages={context.errors[field.key]} />
    </fieldset>
  )
}

/** Every section of the form as a titled block of fields. */
export function DynamicFormFields({ definition, values, ...context }: DynamicFormProps) {
  // A condition may point at a field of an earlier section: keys are unique across the whole form.
  const topLevel = definition.sections.flatMap((section) => section.fields)
  return (
    <div className="space-y-8">
      {definition.sections.map((section) => (
        <section key={section.key} aria-labelledby={`muc-${section.key}`} className="rounded border border-slate-300 bg-white p-4 shadow-sm sm:p-6">
          <h2 id={`muc-${section.key}`} className="text-xl font-bold text-navy-900">
            {context.locale === 'vi' ? section.titleVi : section.titleEn}
          </h2>
          <div className="mt-4 space-y-5">
            {section.fields.map((field) => (
              <div key={field.key} data-field={field.key}>
                {field.type === 'group' ? (
                  <GroupControl field={field} raw={values[field.key]} context={context} />
                ) : (
                  <LeafControl field={field} path={[field.key]} raw={values[field.key]} context={context} condition={conditionText(field, topLevel, context.locale)} />
                )}
              </div>
            ))}
          </div>
        </section>
      ))}
    </div>
  )
}
