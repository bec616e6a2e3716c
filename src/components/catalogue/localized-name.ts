/** The procedure's name in the reader's language; Vietnamese is the reference text. */
export function localizedName(procedure: { nameVi: string; nameEn: string }, locale: string): string {
  return locale === 'en' && procedure.nameEn ? procedure.nameEn : procedure.nameVi
}
