/**
 * An amount of đồng as a person types it into a form, made ready for the server's number check: digits
 * ("10000") stay as they are, digits grouped by thousands the Vietnamese or English way ("10.000", "10,000",
 * "10 000", "1.234.567") lose the separators, an empty field is missing (undefined). Anything else ("10.5",
 * "abc") is given back trimmed, so the check refuses it rather than this guessing.
 */
export function vndInput(text: string | null | undefined): string | undefined {
  const trimmed = (text ?? '').trim().replace(/\s*(₫|đ|đồng|vnd)$/i, '')
  if (trimmed === '') return undefined
  if (/^\d{1,3}([.,\s\u00a0]\d{3})+$/.test(trimmed)) return trimmed.replace(/[.,\s\u00a0]/g, '')
  return trimmed
}
