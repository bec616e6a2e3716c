/** URLs of the procedure-fee administration pages. */

export const PROCEDURE_FEES_HREF = '/quan-tri/thu-tuc'

export const procedureFeeHref = (slug: string) => `${PROCEDURE_FEES_HREF}/${encodeURIComponent(slug)}`
