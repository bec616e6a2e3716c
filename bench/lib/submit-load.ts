/**
 * The HTTP load of the submission benchmark: demo citizens' session cookies, valid bodies for POST
 * /api/dossiers, and an autocannon run in which every request carries a new Idempotency-Key.
 */
import autocannon from 'autocannon'
import { encode } from 'next-auth/jwt'
import { demoFormData } from '../../prisma/seed/demo-form-data'
import { createRandom } from '../../prisma/seed/prng'
import { localDateOf } from '../../src/domain/calendar/working-days'
import { formSchema } from '../../src/domain/forms/form-schema'
import { SESSION_MAX_AGE_SECONDS } from '../../src/server/auth/session-policy'
import type { BenchCitizen, BenchCommune, BenchProcedure } from './submit-database'

/** next-auth's session cookie over http (the `__Secure-` prefix is for https NEXTAUTH_URLs only). */
export const SESSION_COOKIE = 'next-auth.session-token'

/**
 * A session cookie as the app's own sign-in makes it: the JWT callback (server/auth/auth-options.ts) keeps the
 * user id in `sub` and the session version, nothing else; next-auth encrypts it with NEXTAUTH_SECRET.
 */
export async function sessionCookie(citizen: BenchCitizen, secret: string): Promise<string> {
  const token = await encode({ token: { sub: citizen.userId, sessionVersion: citizen.sessionVersion }, secret, maxAge: SESSION_MAX_AGE_SECONDS })
  return `${SESSION_COOKIE}=${token}`
}

export type Submitter = { citizen: BenchCitizen; cookie: string; forms: string[] }

/**
 * `perCitizen` different form answers for each citizen, as the seed writes them for the procedure's form kind
 * (the applicant section is the citizen's own), each checked with the form's schema as the server will.
 */
export function formsFor(procedure: BenchProcedure, citizen: BenchCitizen, communes: readonly BenchCommune[], perCitizen: number, now: Date): { forms: string[]; invalid: number } {
  const random = createRandom(`motcua-bench-submit:${citizen.userId}`)
  const schema = formSchema(procedure.definition, { today: localDateOf(now), communeCodes: new Set(communes.map((commune) => commune.code)) })
  const forms: string[] = []
  let invalid = 0
  for (let index = 0; index < perCitizen; index++) {
    const home = communes[random.int(0, communes.length - 1)]!
    const { formData } = demoFormData({
      random,
      kind: procedure.kind,
      procedureName: procedure.nameVi,
      baseFeeVnd: null,
      applicant: { fullName: citizen.fullName, citizenId: citizen.citizenId, phone: citizen.phone, email: citizen.email },
      communeCode: home.code,
      communeIsWard: home.isWard,
      submittedAt: now,
    })
    if (schema.safeParse(formData).success) forms.push(JSON.stringify(formData))
    else invalid++
  }
  return { forms, invalid }
}

export type LoadResult = {
  durationSeconds: number
  /** Per-response latency in ms, every response. */
  latencies: number[]
  statuses: Map<number, number>
  /** First bodies of each non-2xx status, to show what went wrong. */
  errorBodies: Map<number, string[]>
  /** Connection errors and timeouts (no HTTP answer). */
  socketErrors: number
  timeouts: number
  /** The Idempotency-Keys sent, in order (unique unless the run asked otherwise). */
  keys: string[]
  /** The keys answered 201 (created). */
  createdKeys: string[]
}

export type LoadOptions = {
  origin: string
  connections: number
  durationSeconds: number
  procedureSlug: string
  /** The communes submitted to, round-robin. */
  communeCodes: readonly string[]
  submitters: readonly Submitter[]
  /** Every key starts with it (8–100 of [A-Za-z0-9_-] in all). */
  keyPrefix: string
}

/** Requests of one autocannon run, each with a fresh key, the next citizen and the next commune. */
export async function runSubmitLoad(options: LoadOptions): Promise<LoadResult> {
  const { submitters, communeCodes } = options
  const keys: string[] = []
  const createdKeys: string[] = []
  const latencies: number[] = []
  const statuses = new Map<number, number>()
  const errorBodies = new Map<number, string[]>()
  let sequence = 0
  const instance = autocannon({
    url: options.origin,
    connections: options.connections,
    duration: options.durationSeconds,
    pipelining: 1,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/dossiers',
        // One request at a time per connection (no pipelining): its context holds the key of the request in flight.
        setupRequest: (request, context) => {
          const index = sequence++
          const submitter = submitters[index % submitters.length]!
          const form = submitter.forms[Math.floor(index / submitters.length) % submitter.forms.length]!
          const communeCode = communeCodes[index % communeCodes.length]!
          const key = `${options.keyPrefix}-${index}`
          keys.push(key)
          context.key = key
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              origin: options.origin,
              cookie: submitter.cookie,
              'idempotency-key': key,
            },
            body: `{"procedure":${JSON.stringify(options.procedureSlug)},"communeCode":"${communeCode}","formData":${form}}`,
          }
        },
        onResponse: (status, body, context) => {
          if (status === 201) createdKeys.push(String(context.key))
          if (status >= 200 && status < 300) return
          const bodies = errorBodies.get(status) ?? []
          if (bodies.length < 3) bodies.push(body.slice(0, 300))
          errorBodies.set(status, bodies)
        },
      },
    ],
  })
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime)
    statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1)
  })
  const result = await instance
  return {
    durationSeconds: (result.finish.getTime() - result.start.getTime()) / 1000,
    latencies,
    statuses,
    errorBodies,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    keys,
    createdKeys,
  }
}

/** One submission with fetch, for the check before measuring and for the idempotency checks. */
export async function submitOnce(options: { origin: string; submitter: Submitter; procedureSlug: string; communeCode: string; key: string; form?: string }): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now()
  const response = await fetch(`${options.origin}/api/dossiers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: options.origin, cookie: options.submitter.cookie, 'idempotency-key': options.key },
    body: `{"procedure":${JSON.stringify(options.procedureSlug)},"communeCode":"${options.communeCode}","formData":${options.form ?? options.submitter.forms[0]}}`,
  })
  const body = await response.text()
  return { status: response.status, body, ms: performance.now() - started }
}
