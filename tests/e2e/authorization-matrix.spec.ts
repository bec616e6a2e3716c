/**
 * The authorization matrix over HTTP, against the running production build: every role × every page and
 * API route, each cell asserted. Allowed → 200/201; a signed-in role without the right → 404 (pages and
 * dossiers answer exactly like something that does not exist) or 403 for a reader attempting a write;
 * a visitor → the sign-in page (pages) or 401 (API).
 */
import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures'
import { apiSession } from './support/api-session'

const WHO = {
  anonymous: null,
  citizenA: '040085003917',
  citizenB: '040190004826',
  clerkA: 'canbo.thanhvinh',
  specialistA: 'chuyenvien.thanhvinh',
  leaderA: 'lanhdao.thanhvinh',
  clerkB: 'canbo.truongvinh',
  officer: 'tinh.nghean',
  admin: 'quantri',
} as const
type Who = keyof typeof WHO
const EVERYONE = Object.keys(WHO) as Who[]
const SIGNED_IN = EVERYONE.filter((who) => who !== 'anonymous')
const COMMUNE_A_STAFF: Who[] = ['clerkA', 'specialistA', 'leaderA']
const ALL_STAFF: Who[] = [...COMMUNE_A_STAFF, 'clerkB']

type Expect = 'ok' | 'sign-in' | 'not-found' | 'unauthorized' | 'forbidden' | 'created' | `redirect ${string}`
const allowing = (allowed: Who[], denied: Expect = 'not-found') =>
  Object.fromEntries(EVERYONE.map((who) => [who, allowed.includes(who) ? 'ok' : who === 'anonymous' ? 'sign-in' : denied])) as Record<Who, Expect>

const sessions = new Map<Who, APIRequestContext>()
let origin = ''
const refs = { citizenADossierId: '', citizenADossierCode: '', communeACode: '', communeBCode: '', clerkAUserId: '' }

test.beforeAll(async ({ baseURL }) => {
  origin = new URL(baseURL!).origin
  for (const who of EVERYONE) sessions.set(who, await apiSession(baseURL!, WHO[who]))
  type Listed = { dossiers: { id: string; code: string }[] }
  const own = (await (await sessions.get('citizenA')!.get('/api/dossiers')).json()) as Listed
  const inCommuneA = own.dossiers.find((dossier) => dossier.code.startsWith('16681-'))
  if (!inCommuneA) throw new Error('seed: citizen A has no dossier in commune 16681')
  refs.citizenADossierId = inCommuneA.id
  refs.citizenADossierCode = inCommuneA.code
  const communeA = (await (await sessions.get('clerkA')!.get('/api/dossiers')).json()) as Listed
  // A dossier of commune A that is neither citizen's own (the demo keeps their fresh submissions there).
  const ofCitizenB = (await (await sessions.get('citizenB')!.get('/api/dossiers')).json()) as Listed
  const citizensCodes = new Set([...own.dossiers, ...ofCitizenB.dossiers].map((dossier) => dossier.code))
  refs.communeACode = communeA.dossiers.find((dossier) => !citizensCodes.has(dossier.code))!.code
  const communeB = (await (await sessions.get('clerkB')!.get('/api/dossiers')).json()) as Listed
  refs.communeBCode = communeB.dossiers[0]!.code
  refs.clerkAUserId = ((await (await sessions.get('clerkA')!.get('/api/auth/session')).json()) as { userId: string }).userId
})

test.afterAll(async () => {
  for (const session of sessions.values()) await session.dispose()
})

async function outcome(who: Who, method: 'GET' | 'POST', path: string): Promise<Expect | string> {
  const session = sessions.get(who)!
  const response =
    method === 'GET'
      ? await session.get(path, { maxRedirects: 0 })
      : await session.post(path, { data: { body: `Ghi chú kiểm thử của ${who}` }, headers: { origin }, maxRedirects: 0 })
  const status = response.status()
  if (status === 200) return 'ok'
  if (status === 201) return 'created'
  if (status === 404) return 'not-found'
  if (status === 401) return 'unauthorized'
  if (status === 403) return 'forbidden'
  if (status === 307 || status === 303 || status === 302) {
    const location = response.headers()['location'] ?? ''
    if (location.includes('/dang-nhap')) return 'sign-in'
    return `redirect ${new URL(location, origin).pathname}`
  }
  return `status ${status}`
}

type Row = { name: string; method: 'GET' | 'POST'; path: () => string; expected: Record<Who, Expect> }

const ROLE_HOME: Record<Exclude<Who, 'anonymous'>, string> = {
  citizenA: '/ho-so-cua-toi',
  citizenB: '/ho-so-cua-toi',
  clerkA: '/can-bo',
  specialistA: '/can-bo',
  leaderA: '/can-bo',
  clerkB: '/can-bo',
  officer: '/tinh',
  admin: '/quan-tri',
}

const pages: Row[] = [
  { name: 'home', method: 'GET', path: () => '/', expected: allowing(EVERYONE) },
  { name: 'sign-in page', method: 'GET', path: () => '/dang-nhap', expected: allowing(EVERYONE) },
  { name: 'registration page', method: 'GET', path: () => '/dang-ky', expected: allowing(EVERYONE) },
  { name: 'forgotten password page', method: 'GET', path: () => '/quen-mat-khau', expected: allowing(EVERYONE) },
  // Demo mode is on in these tests; without it the mailbox is a 404 for everyone (integration test).
  { name: 'demo mailbox', method: 'GET', path: () => '/hop-thu-thu-nghiem', expected: allowing(EVERYONE) },
  {
    name: 'after sign-in: each role to its home',
    method: 'GET',
    path: () => '/chuyen-huong',
    expected: { anonymous: 'sign-in', ...Object.fromEntries(Object.entries(ROLE_HOME).map(([who, home]) => [who, `redirect ${home}`])) } as Record<Who, Expect>,
  },
  { name: 'procedure page', method: 'GET', path: () => '/thu-tuc/1.001193', expected: allowing(EVERYONE) },
  { name: 'my dossiers', method: 'GET', path: () => '/ho-so-cua-toi', expected: allowing(['citizenA', 'citizenB']) },
  { name: 'my dossier by code', method: 'GET', path: () => `/ho-so-cua-toi/${refs.citizenADossierCode}`, expected: allowing(['citizenA']) },
  { name: 'my dossier by id', method: 'GET', path: () => `/ho-so-cua-toi/${refs.citizenADossierId}`, expected: allowing(['citizenA']) },
  { name: 'commune queue', method: 'GET', path: () => '/can-bo', expected: allowing(ALL_STAFF) },
  { name: 'staff dossier page (commune A)', method: 'GET', path: () => `/can-bo/ho-so/${refs.communeACode}`, expected: allowing(COMMUNE_A_STAFF) },
  { name: 'province overview', method: 'GET', path: () => '/tinh', expected: allowing(['officer', 'admin']) },
  { name: 'province dossier view', method: 'GET', path: () => `/tinh/ho-so/${refs.communeACode}`, expected: allowing(['officer', 'admin']) },
  // The dashboard (issue 8): the province drills down to any commune of its scope; a commune's staff see their own.
  { name: 'province dashboard: a commune', method: 'GET', path: () => '/tinh/xa/16681', expected: allowing(['officer', 'admin']) },
  { name: 'province dashboard: a procedure in a commune', method: 'GET', path: () => '/tinh/xa/16681/thu-tuc/1.001193', expected: allowing(['officer', 'admin']) },
  { name: 'province dashboard: the dossiers behind a number', method: 'GET', path: () => '/tinh/ho-so?xa=16681&chi-so=received&ky=365', expected: allowing(['officer', 'admin']) },
  { name: 'commune dashboard', method: 'GET', path: () => '/can-bo/thong-ke', expected: allowing(ALL_STAFF) },
  { name: 'commune dashboard of commune A', method: 'GET', path: () => '/can-bo/thong-ke?xa=16681', expected: allowing(COMMUNE_A_STAFF) },
  { name: 'commune dashboard: a procedure', method: 'GET', path: () => '/can-bo/thong-ke/thu-tuc/1.001193', expected: allowing(ALL_STAFF) },
  { name: 'commune dashboard: the dossiers behind a number', method: 'GET', path: () => '/can-bo/thong-ke/ho-so?chi-so=overdueNow', expected: allowing(ALL_STAFF) },
  { name: 'staff accounts (admin)', method: 'GET', path: () => '/quan-tri', expected: allowing(['admin']) },
  { name: 'new staff account (admin)', method: 'GET', path: () => '/quan-tri/can-bo/moi', expected: allowing(['admin']) },
  { name: 'a staff account (admin)', method: 'GET', path: () => `/quan-tri/can-bo/${refs.clerkAUserId}`, expected: allowing(['admin']) },
  { name: 'audit log (admin)', method: 'GET', path: () => '/quan-tri/nhat-ky', expected: allowing(['admin']) },
  { name: 'workflows (admin)', method: 'GET', path: () => '/quan-tri/quy-trinh', expected: allowing(['admin']) },
  { name: 'commune collection accounts (admin)', method: 'GET', path: () => '/quan-tri/xa-phuong', expected: allowing(['admin']) },
  { name: 'procedures and fees (admin)', method: 'GET', path: () => '/quan-tri/thu-tuc', expected: allowing(['admin']) },
  { name: "a procedure's fee (admin)", method: 'GET', path: () => '/quan-tri/thu-tuc/1.001193', expected: allowing(['admin']) },
  // The commune's money: its clerks and leaders; the province reads (picking a commune); specialists do not.
  { name: 'fees and payments workspace', method: 'GET', path: () => '/can-bo/thanh-toan', expected: allowing(['clerkA', 'leaderA', 'clerkB', 'officer', 'admin']) },
  { name: 'account', method: 'GET', path: () => '/tai-khoan', expected: allowing(SIGNED_IN) },
]

const api = (allowed: Who[], denied: Expect, allowedAs: Expect = 'ok') =>
  Object.fromEntries(EVERYONE.map((who) => [who, who === 'anonymous' ? 'unauthorized' : allowed.includes(who) ? allowedAs : denied])) as Record<Who, Expect>

const routes: Row[] = [
  // Lists are for the roles with a personal or commune scope; province readers use the dashboard.
  { name: 'GET /api/dossiers', method: 'GET', path: () => '/api/dossiers', expected: api(['citizenA', 'citizenB', ...ALL_STAFF], 'forbidden') },
  { name: 'GET /api/dossiers/:id', method: 'GET', path: () => `/api/dossiers/${refs.citizenADossierId}`, expected: api(['citizenA', ...COMMUNE_A_STAFF, 'officer', 'admin'], 'not-found') },
  { name: 'GET /api/dossiers/:code', method: 'GET', path: () => `/api/dossiers/${refs.citizenADossierCode}`, expected: api(['citizenA', ...COMMUNE_A_STAFF, 'officer', 'admin'], 'not-found') },
  { name: 'GET /api/dossiers/:code (commune B)', method: 'GET', path: () => `/api/dossiers/${refs.communeBCode}`, expected: api(['clerkB', 'officer', 'admin'], 'not-found') },
  { name: 'GET /api/auth/session', method: 'GET', path: () => '/api/auth/session', expected: allowing(EVERYONE, 'ok') },
  {
    name: 'POST /api/dossiers/:code/notes',
    method: 'POST',
    path: () => `/api/dossiers/${refs.communeACode}/notes`,
    expected: { ...api(COMMUNE_A_STAFF, 'not-found', 'created'), officer: 'forbidden', admin: 'forbidden' },
  },
]

for (const row of [...pages, ...routes]) {
  test(`${row.name}: every role`, async () => {
    const actual = Object.fromEntries(await Promise.all(EVERYONE.map(async (who) => [who, await outcome(who, row.method, row.path())] as const)))
    expect(actual).toEqual(row.expected)
  })
}

test('a write to the API from another site is refused before it reaches the route (CSRF)', async () => {
  const response = await sessions.get('clerkA')!.post(`/api/dossiers/${refs.communeACode}/notes`, {
    data: { body: 'từ trang khác' },
    headers: { origin: 'https://evil.example' },
  })
  expect(response.status()).toBe(403)
  expect(await response.json()).toEqual({ error: 'CROSS_SITE_REQUEST' })
})

test('every response carries the security headers', async () => {
  const response = await sessions.get('anonymous')!.get('/')
  const headers = response.headers()
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/)
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
  expect(headers['x-content-type-options']).toBe('nosniff')
})
