/**
 * Where to go after signing in: only a path on this site ("/thu-tuc/1.001193"), never another origin
 * ("//evil.example", "/\\evil.example", "https://…"), so the sign-in page cannot be used as an open redirect.
 */
export function safeNextPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 500) return undefined
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined
  return value
}
