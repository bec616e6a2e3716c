import type { FormDefinition } from './form-definition'

/**
 * Conditional visibility without JavaScript: CSS rules that hide a field while the field it depends on
 * (`visibleWhen`) does not hold one of the expected values, using `:has()` on the form (top-level fields) or
 * on the group entry (fields of a repeatable group). The page marks its markup with:
 * - `data-dynamic-form` on the form, `data-entry-of="<group>"` on each group entry,
 * - `data-field="<key>"` on a top-level field's wrapper, `data-entry-field="<key>"` on an entry field's wrapper.
 *
 * Only checkbox, radio and select controllers can be read by CSS (their checked state); a condition on
 * another kind of field leaves the field shown. The schema decides anyway: a hidden field is ignored by
 * `formSchema`, shown or not.
 */

type Field = FormDefinition['sections'][number]['fields'][number]
type Condition = NonNullable<Field['visibleWhen']>

/** A CSS string literal. */
function cssString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\a ')}"`
}

/** Selectors matching when the controller holds an expected value; null when CSS cannot tell, or always false. */
function holdsSelectors(controller: Field, condition: Condition, nameSelector: string): { holds: string[] } | { negated: string } | null {
  const expected = 'equals' in condition ? [condition.equals] : condition.oneOf
  switch (controller.type) {
    case 'checkbox': {
      const wantsChecked = expected.some((value) => value === true || value === 'true' || value === 'on')
      const wantsUnchecked = expected.some((value) => value === false || value === 'false')
      if (wantsChecked && wantsUnchecked) return null // shown either way
      if (wantsChecked) return { holds: [`input[${nameSelector}]:checked`] }
      if (wantsUnchecked) return { negated: `input[${nameSelector}]:checked` }
      return { holds: [] }
    }
    case 'radio':
      return { holds: expected.map((value) => `input[${nameSelector}][value=${cssString(String(value))}]:checked`) }
    case 'select':
      return { holds: expected.map((value) => `select[${nameSelector}] option[value=${cssString(String(value))}]:checked`) }
    default:
      return null
  }
}

function rule(scope: string, target: string, controller: Field, condition: Condition, nameSelector: string): string | null {
  const selectors = holdsSelectors(controller, condition, nameSelector)
  if (!selectors) return null
  if ('negated' in selectors) return `${scope}:has(${selectors.negated}) ${target}{display:none}`
  if (selectors.holds.length === 0) return `${scope} ${target}{display:none}`
  return `${scope}:not(:has(${selectors.holds.join(',')})) ${target}{display:none}`
}

/** The style sheet of one form definition (empty when no field has a condition CSS can follow). */
export function visibilityStyles(definition: FormDefinition): string {
  const rules: string[] = []
  const topLevel = definition.sections.flatMap((section) => section.fields)
  for (const field of topLevel) {
    if (field.visibleWhen) {
      const controller = topLevel.find((candidate) => candidate.key === field.visibleWhen!.field)
      const css = controller && rule('form[data-dynamic-form]', `[data-field=${cssString(field.key)}]`, controller, field.visibleWhen, `name=${cssString(controller.key)}`)
      if (css) rules.push(css)
    }
    if (field.type !== 'group') continue
    for (const inner of field.fields) {
      if (!inner.visibleWhen) continue
      const controller = field.fields.find((candidate) => candidate.key === inner.visibleWhen!.field)
      // Inside an entry the controller is `<group>.<index>.<key>`: the entry scope makes the name's end enough.
      const css =
        controller &&
        rule(`[data-entry-of=${cssString(field.key)}]`, `[data-entry-field=${cssString(inner.key)}]`, controller, inner.visibleWhen, `name$=${cssString(`.${controller.key}`)}`)
      if (css) rules.push(css)
    }
  }
  return rules.join('\n')
}
