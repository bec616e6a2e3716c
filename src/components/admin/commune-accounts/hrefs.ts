/** URLs of the commune collection-account pages, the list's filters as query parameters (shareable, back-button safe). */

export const COMMUNE_ACCOUNTS_HREF = '/quan-tri/xa-phuong'

export type CommuneAccountListParams = { query?: string; account?: string; page?: number }

export function communeAccountsHref({ query, account, page }: CommuneAccountListParams): string {
  const params = new URLSearchParams()
  if (query) params.set('q', query)
  if (account) params.set('tai-khoan', account)
  if (page && page > 1) params.set('page', String(page))
  const search = params.toString()
  return search ? `${COMMUNE_ACCOUNTS_HREF}?${search}` : COMMUNE_ACCOUNTS_HREF
}

export const communeAccountHref = (code: string) => `${COMMUNE_ACCOUNTS_HREF}/${code}`
