/**
 * Result files for the demo citizens' returned online dossiers: each gets a generated one-page PDF
 * (demo-result-pdf.ts) as an Attachment of kind RESULT, so "Hồ sơ của tôi" has results to download when
 * signing in as a demo citizen. An online dossier's result is issued electronically too; a desk dossier's
 * was handed over on paper at the desk, and other applicants' dossiers get none (nobody signs in as them).
 * (About 270 files in the default demo, some 20 ms of rendering each.)
 *
 * Idempotent: only dossiers without a RESULT attachment are handled, and everything is derived from the
 * dossier — the attachment's id (a uuidv7 at the return instant, from a PRNG seeded with the dossier id),
 * its storage key (`demo-results/<dossier id>.pdf`) and the PDF's bytes — so a second run writes nothing,
 * and a run that failed after writing a file (the seed's transaction rolled back) rewrites the same key
 * with the same bytes next time. Files are written before the rows, in the caller's transaction: a row
 * never points at missing bytes.
 */
import { createHash } from 'node:crypto'
import type { AttachmentStorage } from '../../src/server/attachments/storage/attachment-storage'
import { renderDemoResultPdf } from './demo-result-pdf'
import { createRandom } from './prng'
import { bulkInsert, isoOrNull, type Column, type Queryable } from './sql'
import { uuidv7 } from './uuid'

type ReturnedDossier = {
  id: string
  code: string
  communeId: string
  communeName: string
  procedureName: string
  applicantName: string
  submittedAt: Date
  completedAt: Date
  returnedById: string | null
}

type ResultRow = {
  id: string
  communeId: string
  dossierId: string
  fileName: string
  sizeBytes: number
  sha256: string
  storageKey: string
  uploadedById: string | null
  createdAt: Date
}

const resultColumns: Column<ResultRow>[] = [
  { name: 'id', type: 'uuid', value: (row) => row.id },
  { name: 'communeId', type: 'uuid', value: (row) => row.communeId },
  { name: 'dossierId', type: 'uuid', value: (row) => row.dossierId },
  { name: 'kind', type: '"AttachmentKind"', value: () => 'RESULT' },
  { name: 'fileName', type: 'text', value: (row) => row.fileName },
  { name: 'mimeType', type: 'text', value: () => 'application/pdf' },
  { name: 'sizeBytes', type: 'integer', value: (row) => row.sizeBytes },
  { name: 'sha256', type: 'text', value: (row) => row.sha256 },
  { name: 'storageKey', type: 'text', value: (row) => row.storageKey },
  { name: 'uploadedById', type: 'uuid', value: (row) => row.uploadedById },
  { name: 'createdAt', type: 'timestamp(3)', value: (row) => isoOrNull(row.createdAt) },
]

export function demoResultStorageKey(dossierId: string): string {
  return `demo-results/${dossierId}.pdf`
}

/** Writes the missing result files and their rows; returns how many were added. */
export async function attachDemoResultFiles(client: Queryable, storage: AttachmentStorage): Promise<number> {
  const { rows } = await client.query<ReturnedDossier>(
    `SELECT d.id, d.code, d."communeId", c.name AS "communeName", v."nameVi" AS "procedureName", d."applicantName",
            -- timestamp(3) holds UTC; as timestamptz, pg reads it as such whatever the process's time zone.
            d."submittedAt" AT TIME ZONE 'UTC' AS "submittedAt", d."completedAt" AT TIME ZONE 'UTC' AS "completedAt",
            (SELECT e."actorId" FROM "DossierEvent" e WHERE e."dossierId" = d.id AND e.action = 'return_result'
              ORDER BY e."occurredAt" DESC, e.id DESC LIMIT 1) AS "returnedById"
     FROM "Dossier" d
     JOIN "User" u ON u.id = d."applicantId" AND u."isDemo" AND u.role = 'CITIZEN'
     JOIN "Commune" c ON c.id = d."communeId"
     JOIN "ProcedureVersion" v ON v.id = d."procedureVersionId"
     WHERE d.state = 'RETURNED' AND d.channel = 'ONLINE' AND d."completedAt" IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM "Attachment" a WHERE a."dossierId" = d.id AND a.kind = 'RESULT')
     ORDER BY d."completedAt", d.id`,
  )
  const results: ResultRow[] = []
  // Renders the next file while the previous one is written (storage writes wait for the disk); at most
  // one file waits in memory.
  let writing: Promise<void> = Promise.resolve()
  try {
    for (const dossier of rows) {
      const bytes = await renderDemoResultPdf({
        code: dossier.code,
        procedureName: dossier.procedureName,
        applicantName: dossier.applicantName,
        communeName: dossier.communeName,
        submittedAt: dossier.submittedAt,
        returnedAt: dossier.completedAt,
      })
      const storageKey = demoResultStorageKey(dossier.id)
      await writing
      writing = storage.put(storageKey, bytes)
      results.push({
        id: uuidv7(dossier.completedAt.getTime(), createRandom(`demo-result:${dossier.id}`)),
        communeId: dossier.communeId,
        dossierId: dossier.id,
        fileName: `Kết quả ${dossier.code}.pdf`,
        sizeBytes: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storageKey,
        uploadedById: dossier.returnedById,
        createdAt: dossier.completedAt,
      })
    }
    await writing
  } catch (error) {
    // The write in flight is not left unobserved behind the error that stopped the loop.
    await writing.catch(() => {})
    throw error
  }
  return bulkInsert(client, 'Attachment', resultColumns, results)
}
