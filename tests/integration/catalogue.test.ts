import { PrismaPg } from '@prisma/adapter-pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PrismaClient } from '@/generated/prisma/client'
import { getProcedure } from '@/server/catalogue/get-procedure'
import { listProcedures } from '@/server/catalogue/list-procedures'
import { db } from '@/server/db'

type Row = {
  slug: string
  nationalCode?: string
  nameVi: string
  nameEn: string
  field: string
  feeVnd?: number | null
  deadline: object
  onlineLevel?: 'FULL' | 'PARTIAL' | 'NONE'
  isActive?: boolean
  status?: 'DRAFT' | 'PUBLISHED' | 'RETIRED'
}

const HO_TICH = 'Hộ tịch'
const CHUNG_THUC = 'Chứng thực'

const rows: Row[] = [
  { slug: '1.001193', nationalCode: '1.001193', nameVi: 'Đăng ký khai sinh', nameEn: 'Birth registration', field: HO_TICH, feeVnd: 0, deadline: { kind: 'SAME_DAY', cutoffHour: 15 } },
  { slug: '1.004884', nationalCode: '1.004884', nameVi: 'Đăng ký lại khai sinh', nameEn: 'Re-registration of birth', field: HO_TICH, feeVnd: null, deadline: { kind: 'WORKING_DAYS', days: 5 } },
  { slug: '1.000894', nationalCode: '1.000894', nameVi: 'Đăng ký kết hôn', nameEn: 'Marriage registration', field: HO_TICH, feeVnd: 0, deadline: { kind: 'SAME_DAY', cutoffHour: 15 } },
  { slug: '2.000635', nationalCode: '2.000635', nameVi: 'Cấp bản sao Trích lục hộ tịch', nameEn: 'Copy of a civil status extract', field: HO_TICH, feeVnd: 8000, deadline: { kind: 'SAME_DAY', cutoffHour: 15 } },
  { slug: '2.001019', nationalCode: '2.001019', nameVi: 'Chứng thực di chúc', nameEn: 'Certification of a will', field: CHUNG_THUC, feeVnd: 50000, deadline: { kind: 'WORKING_DAYS', days: 2 }, onlineLevel: 'NONE' },
  { slug: 'an-khai-sinh', nameVi: 'Khai sinh (đã ngừng áp dụng)', nameEn: 'Withdrawn birth procedure', field: HO_TICH, deadline: { kind: 'SAME_DAY' }, isActive: false },
  { slug: 'nhap-khai-sinh', nameVi: 'Khai sinh (bản nháp)', nameEn: 'Draft birth procedure', field: HO_TICH, deadline: { kind: 'SAME_DAY' }, status: 'DRAFT' },
  // Its deadline lacks the cut-off hour the domain schema requires: listed, with no deadline to show.
  { slug: 'ky-tu-dac-biet', nameVi: 'Thủ tục 100% trực tuyến_thử', nameEn: 'Wildcard test', field: CHUNG_THUC, deadline: { kind: 'SAME_DAY' } },
]

const names = (list: { nameVi: string }[]) => list.map((procedure) => procedure.nameVi)

beforeAll(async () => {
  // Seeded through a client of its own, closed before the use-cases run: the embedded database serves one
  // connection at a time.
  const seed = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 1 }) })
  try {
    const workflow = await seed.workflowDefinition.create({
      data: { key: 'one-stop-default', name: 'Một cửa', versions: { create: { version: 1, status: 'PUBLISHED', graph: {} } } },
      select: { versions: { select: { id: true } } },
    })
    const workflowVersionId = workflow.versions[0]!.id
    for (const row of rows) {
      const procedure = await seed.procedure.create({
        data: {
          slug: row.slug,
          nationalCode: row.nationalCode,
          field: row.field,
          isActive: row.isActive ?? true,
          versions: {
            create: {
              version: 1,
              status: row.status ?? 'PUBLISHED',
              nameVi: row.nameVi,
              nameEn: row.nameEn,
              field: row.field,
              feeVnd: row.feeVnd ?? null,
              feeNote: row.feeVnd === null ? 'Theo mức do HĐND tỉnh quy định' : null,
              deadline: row.deadline,
              deadlineText: 'Ngay trong ngày tiếp nhận',
              requiredDocuments: [
                { key: 'to-khai', nameVi: 'Tờ khai theo mẫu', nameEn: 'Declaration form', required: true, copies: 1 },
                { key: 'cccd', nameVi: 'Căn cước', nameEn: 'Citizen ID card', required: true, presentOnly: true },
                { key: 'giay-uy-quyen', nameVi: 'Văn bản ủy quyền', nameEn: 'Power of attorney', required: false },
                { nameVi: 'an entry without a key is left out', nameEn: 'x', required: true },
              ],
              onlineLevel: row.onlineLevel ?? 'PARTIAL',
              legalBasis: 'Luật Hộ tịch 60/2014/QH13',
              formDefinition: {},
              workflowVersionId,
            },
          },
        },
        select: { id: true, versions: { select: { id: true } } },
      })
      await seed.procedure.update({ where: { id: procedure.id }, data: { currentVersionId: procedure.versions[0]!.id } })
    }
  } finally {
    await seed.$disconnect()
  }
})

afterAll(async () => {
  await db().$disconnect()
})

describe('listProcedures', () => {
  it('lists active procedures whose current version is published, with every field counted', async () => {
    const { procedures, fields } = await listProcedures()
    expect(names(procedures)).toHaveLength(6)
    expect(names(procedures)).not.toContain('Khai sinh (đã ngừng áp dụng)')
    expect(names(procedures)).not.toContain('Khai sinh (bản nháp)')
    expect(fields).toEqual([
      { field: HO_TICH, count: 4 },
      { field: CHUNG_THUC, count: 2 },
    ])
    // Grouped by field, largest field first, then by name in Vietnamese order.
    expect(procedures.map((procedure) => procedure.field)).toEqual([HO_TICH, HO_TICH, HO_TICH, HO_TICH, CHUNG_THUC, CHUNG_THUC])
  })

  it('returns the summary of each procedure, with its deadline read', async () => {
    const { procedures } = await listProcedures()
    expect(procedures.find((procedure) => procedure.slug === '1.001193')).toEqual({
      slug: '1.001193',
      nationalCode: '1.001193',
      field: HO_TICH,
      nameVi: 'Đăng ký khai sinh',
      nameEn: 'Birth registration',
      feeVnd: 0,
      deadline: { kind: 'SAME_DAY', cutoffHour: 15 },
      onlineLevel: 'PARTIAL',
    })
  })

  it('reads a stored deadline that is not valid as no deadline, rather than guessing', async () => {
    const { procedures } = await listProcedures()
    expect(procedures.find((procedure) => procedure.slug === 'ky-tu-dac-biet')?.deadline).toBeNull()
  })

  it.each(['dang ky khai sinh', 'ĐĂNG KÝ KHAI SINH', 'khai sinh', '  Khai   SINH ', 'Đăng ký khai sinh'])(
    'finds "Đăng ký khai sinh" for %j, first, and nothing unrelated',
    async (query) => {
      const { procedures } = await listProcedures({ query })
      expect(procedures[0]?.nameVi).toBe('Đăng ký khai sinh')
      expect(names(procedures).sort()).toEqual(['Đăng ký khai sinh', 'Đăng ký lại khai sinh'].sort())
    },
  )

  it('matches English names and national codes too', async () => {
    expect(names((await listProcedures({ query: 'birth' })).procedures)).toEqual(expect.arrayContaining(['Đăng ký khai sinh']))
    expect(names((await listProcedures({ query: '1.000894' })).procedures)).toEqual(['Đăng ký kết hôn'])
  })

  it('treats LIKE wildcards in the query as plain characters', async () => {
    expect(names((await listProcedures({ query: '%' })).procedures)).toEqual(['Thủ tục 100% trực tuyến_thử'])
    expect(names((await listProcedures({ query: 'n_thu' })).procedures)).toEqual(['Thủ tục 100% trực tuyến_thử'])
    expect((await listProcedures({ query: "khai sinh' OR 1=1 --" })).procedures).toEqual([])
  })

  it.each(['khai snh', 'kha sinh', 'khaii sinh', 'dang ky khia sinh', 'dăng ky khai sinhh', 'dang ki khai sinh'])(
    'reads one wrong, missing, extra or swapped letter in %j as a typo, and still finds "Đăng ký khai sinh" first',
    async (query) => {
      const { procedures } = await listProcedures({ query })
      expect(procedures[0]?.nameVi).toBe('Đăng ký khai sinh')
      expect(names(procedures).sort()).toEqual(['Đăng ký khai sinh', 'Đăng ký lại khai sinh'].sort())
    },
  )

  it.each(['chng thuc', 'chunh thuc', 'chứng thựcc', 'CHUNG THCU'])('finds "Chứng thực di chúc" for the typo %j', async (query) => {
    expect(names((await listProcedures({ query })).procedures)).toEqual(['Chứng thực di chúc'])
  })

  it('ranks procedures matching every word exactly before those matched through a typo', async () => {
    // Every word must match, exactly or as a typo: "khai" is in no marriage name and "hôn" in no birth name.
    expect((await listProcedures({ query: 'khai hôn' })).procedures).toEqual([])
    // "lai" is a real word of "Đăng ký lại khai sinh" and "snh" a typo of "sinh" in both birth procedures:
    // the one matching more words exactly comes first.
    expect(names((await listProcedures({ query: 'lai khai snh' })).procedures)).toEqual(['Đăng ký lại khai sinh'])
    expect(names((await listProcedures({ query: 'dang ky khai snh' })).procedures)).toEqual(['Đăng ký khai sinh', 'Đăng ký lại khai sinh'])
    expect(names((await listProcedures({ query: 'ket hon' })).procedures)).toEqual(['Đăng ký kết hôn'])
  })

  it('does not read a word of the catalogue as a typo of another, nor a mistyped national code', async () => {
    // Vietnamese syllables are one letter apart all the time (sinh/kinh, thực/trực/thủ/tục…): a word found in
    // the catalogue is never corrected into another.
    expect(names((await listProcedures({ query: 'thuc' })).procedures)).toEqual(['Chứng thực di chúc'])
    expect(names((await listProcedures({ query: 'truc' })).procedures)).toEqual(['Thủ tục 100% trực tuyến_thử'])
    expect(names((await listProcedures({ query: 'khai sinh' })).procedures)).not.toContain('Đăng ký kết hôn')
    expect(names((await listProcedures({ query: 'ket hon' })).procedures)).not.toContain('Đăng ký khai sinh')
    expect(names((await listProcedures({ query: 'di chuc' })).procedures)).toEqual(['Chứng thực di chúc'])
    // "ban" (bản) is a word of the catalogue: it is not corrected to "bạn"/"bao"/"can"…
    expect(names((await listProcedures({ query: 'ban sao' })).procedures)).toEqual(['Cấp bản sao Trích lục hộ tịch'])
    // A one-digit slip in a national code finds nothing rather than a neighbouring code's procedure.
    expect((await listProcedures({ query: '1.000895' })).procedures).toEqual([])
    // Two letters wrong is not a typo.
    expect((await listProcedures({ query: 'khai sunk' })).procedures).toEqual([])
    // Short words are never corrected: "ko" is not read as "ky".
    expect((await listProcedures({ query: 'dang ko khai sinh' })).procedures).toEqual([])
  })

  it('returns nothing for a query that matches no procedure', async () => {
    expect((await listProcedures({ query: 'giấy phép lái xe' })).procedures).toEqual([])
  })

  it('filters by field, alone or with a query', async () => {
    expect(names((await listProcedures({ field: CHUNG_THUC })).procedures).sort()).toEqual(
      ['Chứng thực di chúc', 'Thủ tục 100% trực tuyến_thử'].sort(),
    )
    expect((await listProcedures({ query: 'khai sinh', field: CHUNG_THUC })).procedures).toEqual([])
    expect(names((await listProcedures({ query: 'dang ky', field: HO_TICH })).procedures).sort()).toEqual(
      ['Đăng ký khai sinh', 'Đăng ký lại khai sinh', 'Đăng ký kết hôn'].sort(),
    )
    expect(names((await listProcedures({ query: 'khai snh', field: HO_TICH })).procedures)).toEqual(['Đăng ký khai sinh', 'Đăng ký lại khai sinh'])
    // A typo is still read as one inside a field, but the field's other procedures stay out.
    expect((await listProcedures({ query: 'khai snh', field: CHUNG_THUC })).procedures).toEqual([])
  })
})

describe('getProcedure', () => {
  it('returns the detail of a listed procedure, with its documents read', async () => {
    const procedure = await getProcedure('1.001193')
    expect(procedure).toMatchObject({
      nameVi: 'Đăng ký khai sinh',
      feeVnd: 0,
      deadline: { kind: 'SAME_DAY', cutoffHour: 15 },
      deadlineText: 'Ngay trong ngày tiếp nhận',
      legalBasis: 'Luật Hộ tịch 60/2014/QH13',
      canSubmitOnline: true,
      requiredDocuments: [
        { key: 'to-khai', nameVi: 'Tờ khai theo mẫu', nameEn: 'Declaration form', required: true, copies: 1, presentOnly: false },
        { key: 'cccd', nameVi: 'Căn cước', nameEn: 'Citizen ID card', required: true, copies: null, presentOnly: true },
        { key: 'giay-uy-quyen', nameVi: 'Văn bản ủy quyền', nameEn: 'Power of attorney', required: false, copies: null, presentOnly: false },
      ],
    })
  })

  it('says a desk-only procedure cannot be submitted online', async () => {
    expect((await getProcedure('2.001019'))?.canSubmitOnline).toBe(false)
  })

  it('returns null for unknown, inactive and unpublished procedures', async () => {
    expect(await getProcedure('khong-co')).toBeNull()
    expect(await getProcedure('an-khai-sinh')).toBeNull()
    expect(await getProcedure('nhap-khai-sinh')).toBeNull()
  })
})
