/**
 * The set-based SQL of the generator. Helper tables are named bench_* (UNLOGGED, dropped when the build is done);
 * bench_meta stays and records how the database was built.
 */

/** A uuid v7 (RFC 9562) for the instant `expression` (a `timestamp`, UTC): 48-bit milliseconds, then random bits. */
export const uuid7 = (expression: string) =>
  `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) PLACING substring(int8send(floor(extract(epoch FROM ${expression}) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid`

export const localDay = (column: string) => `((${column} AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`

export const FINISHED_STATES = `('RETURNED', 'REFUSED', 'WITHDRAWN')`

/** Helper tables, dropped when the build is done (or by --reset with the whole database). */
export const HELPER_TABLES = ['bench_template_pick', 'bench_template_payment', 'bench_template_rating', 'bench_template', 'bench_person'] as const

/**
 * The seed's dossiers as templates. The seed's few "fresh" online submissions of the demo citizens (waiting at
 * reception for the demo's journeys) are left out: copied, they would crowd today's reception queue.
 */
export const CREATE_TEMPLATES_SQL = [
  `CREATE UNLOGGED TABLE bench_template AS
   SELECT (row_number() OVER (ORDER BY d."submittedAt", d.id))::int AS tid, d.id AS source_id,
          ${localDay('d."submittedAt"')} AS local_day, d.state IN ${FINISHED_STATES} AS finished,
          d."procedureId" AS procedure_id, d."procedureVersionId" AS procedure_version_id, d."workflowVersionId" AS workflow_version_id,
          d.channel, d.state, d."currentStep" AS current_step, d."feeVnd" AS fee_vnd, d."paidVnd" AS paid_vnd,
          d."submittedAt" AS submitted_at, d."receivedAt" AS received_at, d."dueAt" AS due_at, d."clockPausedAt" AS clock_paused_at,
          d."supplementCount" AS supplement_count, d."extensionCount" AS extension_count, d."completedAt" AS completed_at,
          d.outcome, d.version, d."updatedAt" AS updated_at
   FROM "Dossier" d
   WHERE NOT (d.state = 'SUBMITTED' AND d."applicantId" IS NOT NULL)`,
  `ALTER TABLE bench_template ADD PRIMARY KEY (tid)`,
  `CREATE UNLOGGED TABLE bench_template_pick AS
   SELECT local_day, true AS recent, (row_number() OVER (PARTITION BY local_day ORDER BY tid) - 1)::int AS k, tid FROM bench_template
   UNION ALL
   SELECT local_day, false, (row_number() OVER (PARTITION BY local_day ORDER BY tid) - 1)::int, tid FROM bench_template WHERE finished`,
  `ALTER TABLE bench_template_pick ADD PRIMARY KEY (local_day, recent, k)`,
  `CREATE UNLOGGED TABLE bench_template_payment AS
   SELECT t.tid, p.sequence, p."amountVnd" AS amount_vnd, p.method, p.status, p."refundedVnd" AS refunded_vnd, p."providerRef" AS provider_ref,
          p."receiptNo" IS NOT NULL AS has_receipt, p."paidAt" AS paid_at, p."expiresAt" AS expires_at, p."createdAt" AS created_at, p."updatedAt" AS updated_at
   FROM "Payment" p JOIN bench_template t ON t.source_id = p."dossierId"`,
  `CREATE INDEX ON bench_template_payment (tid)`,
  `CREATE UNLOGGED TABLE bench_template_rating AS
   SELECT t.tid, r.score, r.comment, r."createdAt" AS created_at
   FROM "DossierRating" r JOIN bench_template t ON t.source_id = r."dossierId"`,
  `CREATE INDEX ON bench_template_rating (tid)`,
  `ANALYZE bench_template, bench_template_pick, bench_template_payment, bench_template_rating`,
]

export const CREATE_PERSON_TABLE_SQL = `CREATE UNLOGGED TABLE bench_person (
  idx int PRIMARY KEY, full_name text NOT NULL, name_search text NOT NULL, citizen_id text NOT NULL, phone text NOT NULL)`

/** $1 idx[], $2 full names, $3 citizen ids, $4 phones. The search text as the name-search trigger would set it. */
export const INSERT_PERSONS_SQL = `INSERT INTO bench_person
  SELECT i, n, motcua_search_text(n), c, p FROM unnest($1::int[], $2::text[], $3::text[], $4::text[]) AS x(i, n, c, p)`

/** One chunk's new dossiers before they are written: which template, commune and applicant, and by how much moved. */
export const CREATE_STAGE_SQL = `CREATE TEMP TABLE IF NOT EXISTS bench_stage (
  id uuid NOT NULL, tid int NOT NULL, c int NOT NULL, person int NOT NULL, shift interval NOT NULL,
  local_day date NOT NULL, submitted_at timestamp(3) NOT NULL, u_scan float8 NOT NULL, u_result float8 NOT NULL)`

/**
 * $1 days, $2 template days, $3 counts, $4 recent flags, $5 pool sizes (arrays by day of the chunk),
 * $6 commune bounds (cumulative shares by rank), $7 number of persons.
 * The move is whole days (template day → day: weekday, office hours and due times are kept). The submission alone
 * is moved back by up to 10 more minutes, never across the local midnight (codes are numbered per day), so that
 * copies of one template differ.
 */
export const STAGE_SQL = `
INSERT INTO bench_stage (id, tid, c, person, shift, local_day, submitted_at, u_scan, u_result)
SELECT ${uuid7('m.submitted_at')}, m.tid, m.c, m.person, m.shift, m.day, m.submitted_at, m.u_scan, m.u_result
FROM (
  SELECT t.tid, r.c, r.person, r.day, r.u_scan, r.u_result, w.shift,
         t.submitted_at + w.shift - LEAST(r.u_jitter * interval '10 minutes',
           (t.submitted_at + w.shift) - ((r.day::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AT TIME ZONE 'UTC')) AS submitted_at
  FROM (
    SELECT d.day, d.tday, d.recent, floor(random() * d.pool)::int AS k, width_bucket(random(), $6::float8[]) AS c,
           1 + floor(random() * $7::int)::int AS person, random() AS u_jitter, random() AS u_scan, random() AS u_result
    FROM unnest($1::date[], $2::date[], $3::int[], $4::bool[], $5::int[]) AS d(day, tday, n, recent, pool)
    CROSS JOIN LATERAL generate_series(1, d.n) AS g(i)
    OFFSET 0
  ) r
  JOIN bench_template_pick p ON p.local_day = r.tday AND p.recent = r.recent AND p.k = r.k
  JOIN bench_template t ON t.tid = p.tid
  CROSS JOIN LATERAL (SELECT (r.day - r.tday) * interval '1 day' AS shift) w
) m`

/**
 * $1 commune ids by rank, $2 commune codes by rank. Codes continue the per-commune, per-day sequences (the seed's
 * dossiers of the last 120 days already use some), in submission order.
 */
export const INSERT_DOSSIERS_SQL = `
INSERT INTO "Dossier" (id, code, "communeId", "procedureId", "procedureVersionId", "workflowVersionId",
  "applicantName", "applicantNameSearch", "applicantCitizenId", "applicantPhone", channel, state, "currentStep",
  "formData", "feeVnd", "paidVnd", "submittedAt", "receivedAt", "dueAt", "clockPausedAt", "supplementCount", "extensionCount",
  "completedAt", outcome, "submissionKey", version, "createdAt", "updatedAt")
SELECT s.id,
  ($2::text[])[s.c] || '-' || to_char(s.local_day, 'YYMMDD') || '-' || CASE WHEN s.seq < 10000 THEN lpad(s.seq::text, 4, '0') ELSE s.seq::text END,
  ($1::uuid[])[s.c], t.procedure_id, t.procedure_version_id, t.workflow_version_id,
  p.full_name, p.name_search, p.citizen_id, p.phone, t.channel, t.state, t.current_step,
  '{}'::jsonb, t.fee_vnd, t.paid_vnd, s.submitted_at, t.received_at + s.shift, t.due_at + s.shift, t.clock_paused_at + s.shift,
  t.supplement_count, t.extension_count, t.completed_at + s.shift, t.outcome,
  CASE WHEN t.channel = 'ONLINE' THEN 'bench:' || s.id END, t.version, s.submitted_at, t.updated_at + s.shift
FROM (
  SELECT s.*, coalesce(q."lastValue", 0) + row_number() OVER (PARTITION BY s.c, s.local_day ORDER BY s.submitted_at, s.id) AS seq
  FROM bench_stage s
  LEFT JOIN "DossierCodeSequence" q ON q."communeId" = ($1::uuid[])[s.c] AND q.day = s.local_day
) s
JOIN bench_template t ON t.tid = s.tid
JOIN bench_person p ON p.idx = s.person
ORDER BY s.id`

/** $1 commune ids by rank. */
export const UPDATE_CODE_SEQUENCES_SQL = `
INSERT INTO "DossierCodeSequence" ("communeId", day, "lastValue")
SELECT ($1::uuid[])[c], local_day, count(*)::int FROM bench_stage GROUP BY 1, 2
ON CONFLICT ("communeId", day) DO UPDATE SET "lastValue" = "DossierCodeSequence"."lastValue" + EXCLUDED."lastValue"`

/** $1 commune ids by rank. References and keys are made from the new dossier's id, so they stay unique. */
export const INSERT_PAYMENTS_SQL = `
INSERT INTO "Payment" (id, "dossierId", "communeId", "amountVnd", method, status, reference, "providerRef", "idempotencyKey",
  sequence, "refundedVnd", "receiptNo", "paidAt", "expiresAt", "createdAt", "updatedAt")
SELECT ${uuid7('tp.created_at + s.shift')}, s.id, ($1::uuid[])[s.c], tp.amount_vnd, tp.method, tp.status, x.reference, tp.provider_ref,
  'bench:' || s.id || ':' || tp.sequence, tp.sequence, tp.refunded_vnd, CASE WHEN tp.has_receipt THEN 'BL-' || x.reference END,
  tp.paid_at + s.shift, tp.expires_at + s.shift, tp.created_at + s.shift, tp.updated_at + s.shift
FROM bench_stage s
JOIN bench_template_payment tp ON tp.tid = s.tid
CROSS JOIN LATERAL (SELECT 'MB' || upper(replace(s.id::text, '-', '')) || CASE WHEN tp.sequence > 1 THEN '-' || tp.sequence ELSE '' END AS reference) x
ORDER BY 1`

/** $1 commune ids by rank. The raters are not accounts (the applicants have none). */
export const INSERT_RATINGS_SQL = `
INSERT INTO "DossierRating" (id, "dossierId", "communeId", "raterId", score, comment, "createdAt")
SELECT ${uuid7('tr.created_at + s.shift')}, s.id, ($1::uuid[])[s.c], NULL, tr.score, tr.comment, tr.created_at + s.shift
FROM bench_stage s JOIN bench_template_rating tr ON tr.tid = s.tid
ORDER BY 1`

/**
 * $1 commune ids by rank, $2 share of desk/post dossiers scanned at reception, $3 share of returned dossiers with
 * an electronic result. One APPLICATION row per digitised dossier (every online one), one RESULT row per
 * electronic result: what the "digitised" and "electronic result" figures count. No file exists behind them.
 */
export const INSERT_ATTACHMENTS_SQL = `
INSERT INTO "Attachment" (id, "communeId", "dossierId", kind, "fileName", "mimeType", "sizeBytes", sha256, "storageKey", "createdAt")
SELECT x.id, ($1::uuid[])[s.c], s.id, x.kind::"AttachmentKind", x.file_name, 'application/pdf', x.size, repeat('0', 64), 'bench/' || x.id, x.created_at
FROM bench_stage s
JOIN bench_template t ON t.tid = s.tid
CROSS JOIN LATERAL (
  SELECT ${uuid7('s.submitted_at')} AS id, 'APPLICATION' AS kind, 'to-khai.pdf' AS file_name, 150000 + (s.u_scan * 1000000)::int AS size, s.submitted_at AS created_at
  WHERE t.channel = 'ONLINE' OR s.u_scan < $2::float8
  UNION ALL
  SELECT ${uuid7('t.completed_at + s.shift')}, 'RESULT', 'ket-qua.pdf', 80000 + (s.u_result * 400000)::int, t.completed_at + s.shift
  WHERE t.state = 'RETURNED' AND s.u_result < $3::float8
) x
ORDER BY 1`
