/**
 * The embedded PGlite (npm start without DATABASE_URL) and a PostgreSQL server (DATABASE_URL) go through
 * one code path: the same migrations, the same Prisma client factory, the same queries.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../scripts/db/embedded'
import { applyMigrations, liveDatabaseDrift } from '../../scripts/db/migrations'
import { createPrismaClient } from '@/server/prisma-client'

const started: EmbeddedPostgres[] = []
afterAll(async () => {
  await Promise.all(started.map((db) => db.stop()))
})

async function exerciseDatabase(url: string, poolMax: number) {
  await applyMigrations(url)
  expect(await applyMigrations(url)).toEqual([])
  expect(await liveDatabaseDrift(url)).toBe('')

  const prisma = createPrismaClient(url, poolMax)
  try {
    const province = await prisma.province.upsert({
      where: { code: '40' },
      update: {},
      create: { code: '40', name: 'Nghệ An' },
    })
    await prisma.commune.createMany({
      data: [
        { code: '16681', name: 'Phường Thành Vinh', kind: 'PHUONG', provinceId: province.id, formerUnits: ['Phường Cửa Nam'] },
        { code: '16738', name: 'Xã Quế Phong', kind: 'XA', provinceId: province.id, formerUnits: [] },
      ],
      skipDuplicates: true,
    })
    const communes = await prisma.commune.findMany({
      where: { province: { code: '40' } },
      select: { code: true, kind: true, formerUnits: true },
      orderBy: { code: 'asc' },
    })
    expect(communes).toEqual([
      { code: '16681', kind: 'PHUONG', formerUnits: ['Phường Cửa Nam'] },
      { code: '16738', kind: 'XA', formerUnits: [] },
    ])

    // Accent-insensitive search through the SQL function the first migration defines.
    const found = await prisma.$queryRaw<{ name: string }[]>`
      SELECT name FROM "Commune" WHERE motcua_search_text(name) LIKE '%' || motcua_search_text(${'THANH VINH'}) || '%'`
    expect(found).toEqual([{ name: 'Phường Thành Vinh' }])

    // Interactive transactions work (one connection on PGlite).
    const renamed = await prisma.$transaction(async (tx) => {
      const commune = await tx.commune.update({ where: { code: '16738' }, data: { isActive: false } })
      return tx.commune.count({ where: { isActive: false, id: commune.id } })
    })
    expect(renamed).toBe(1)
  } finally {
    await prisma.$disconnect()
  }
}

describe('one code path for both databases', () => {
  it('works on the embedded PostgreSQL (PGlite)', async () => {
    const embedded = await startEmbeddedPostgres()
    started.push(embedded)
    await exerciseDatabase(embedded.url, 1)
  })

  it.skipIf(!process.env.TEST_DATABASE_URL)('works on the PostgreSQL server of TEST_DATABASE_URL', async () => {
    expect(process.env.DATABASE_URL).toContain(new URL(process.env.TEST_DATABASE_URL!).host)
    await exerciseDatabase(process.env.DATABASE_URL!, 4)
  })
})
