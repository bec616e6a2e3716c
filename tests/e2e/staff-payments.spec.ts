import { expect, test } from './fixtures'
import { apiSession } from './support/api-session'
import { expectNoSeriousViolations } from './support/axe'
import { applyForSignatureCertification, definition, signedIn } from './support/journey'

// Issue 7 in Chromium: a citizen pays the fee by VietQR bank transfer and is marked paid after the commune's
// clerk imports the bank statement. The citizen applies online for signature certification (a fixed 10 000 ₫)
// and opens the transfer, which gives the reference to write in the transfer; the clerk, on "Thu phí, lệ phí",
// imports a statement holding that transfer and one without a reference: 1 line matched, 1 unmatched; the
// unmatched line is resolved with a note; the period's payments download as XLSX; the citizen's dossier then
// says "Đã thanh toán", with the receipt.

/** Lê Minh Châu, Phường Trường Vinh: a demo citizen the other journeys leave alone (src/server/demo/demo-accounts.ts). */
const CITIZEN = '040198007153'
const COMMUNE = 'Phường Trường Vinh'
const CLERK = 'canbo.truongvinh'



/** "34.000 ₫" → 34000, and back: the money figures as the pages write them. */
const amountOf = (text: string) => Number(text.replace(/\D/g, ''))
const vnd = (amount: number) => `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`

/** Now in Vietnam as a statement writes it: dd/MM/yyyy HH:mm. */
function vietnamNow(): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date())
      .map((part) => [part.type, part.value]),
  )
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`
}

test('another citizen pays by VietQR and is marked paid after a statement import', async ({ browser }) => {
  test.setTimeout(300_000)

  // ── What the commune already waits for (the demo history leaves transfers of the last day pending, how many
  // depends on the hour the seed ran) ──
  const clerk = await signedIn(browser, CLERK)
  await clerk.goto('/can-bo/thanh-toan')
  const pendingBefore = amountOf(await clerk.locator('[data-summary="pending"] dd').first().innerText())

  // ── The citizen applies and opens the VietQR transfer: the reference to write in the transfer ──
  const citizen = await signedIn(browser, CITIZEN)
  const code = await applyForSignatureCertification(citizen, { commune: COMMUNE, address: 'Khối 7', documentName: 'Giấy cam kết' })
  await citizen.goto(`/ho-so-cua-toi/${code}`)
  const panel = citizen.locator('section#thanh-toan')
  await panel.getByRole('button', { name: 'Chuyển khoản qua VietQR' }).click()
  const transfer = panel.getByRole('region', { name: 'Chuyển khoản qua VietQR' })
  await expect(definition(transfer, 'Nội dung chuyển khoản')).toContainText(/MC\d{20}/)
  const reference = /MC\d{20}/.exec(await definition(transfer, 'Nội dung chuyển khoản').innerText())![0]
  await expect(definition(transfer, 'Số tiền')).toHaveText('10.000 ₫')

  // ── The clerk opens the workspace from the menu: the transfer now waits too ──
  await clerk.goto('/can-bo')
  await clerk.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Thu phí, lệ phí' }).click()
  await expect(clerk).toHaveURL(/\/can-bo\/thanh-toan$/)
  await expect(clerk.getByRole('heading', { level: 1, name: 'Thu phí, lệ phí' })).toBeVisible()
  await expect(clerk.getByText(`Các khoản phí, lệ phí của ${COMMUNE}`)).toBeVisible()
  await expect(clerk.locator('[data-summary="pending"] dd').first()).toHaveText(vnd(pendingBefore + 10_000))
  await expectNoSeriousViolations(clerk)

  // ── A refused file: every bad row said in words, nothing imported ──
  const importForm = clerk.getByRole('region', { name: 'Ngoại lệ đối soát' })
  const fileInput = importForm.getByLabel('Tệp sao kê (CSV, tối đa 5 MB)')
  const header = 'Số tham chiếu,Ngày giao dịch,Số tiền ghi có,Nội dung'
  await fileInput.setInputFiles({ name: 'sao-ke-loi.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\r\nFT1,${vietnamNow()},"10.5",${reference}\r\n`) })
  await importForm.getByRole('button', { name: 'Nhập sao kê' }).click()
  const refused = clerk.getByTestId('import-errors')
  await expect(refused).toContainText('Tệp “sao-ke-loi.csv” chưa được nhập')
  await expect(refused).toContainText('Dòng 2: số tiền không hợp lệ ở cột “Số tiền ghi có” (“10.5”).')

  // ── The statement: the citizen's transfer, and a transfer without reference ──
  const txn = `FT${Date.now()}`
  const csv = [
    'NGAN HANG TMCP CONG THUONG VIET NAM - SAO KE TAI KHOAN,,,',
    header,
    `${txn},${vietnamNow()},"10.000","${reference} Le Minh Chau nop le phi"`,
    `${txn}9,${vietnamNow()},"20.000","Chuyen tien khong ghi noi dung"`,
  ].join('\r\n')
  await fileInput.setInputFiles({ name: 'sao-ke-hom-nay.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}\r\n`) })
  await importForm.getByRole('button', { name: 'Nhập sao kê' }).click()
  const result = clerk.getByTestId('import-result')
  await expect(result).toContainText('Đã nhập sao kê “sao-ke-hom-nay.csv”')
  await expect(definition(result, 'Khớp')).toHaveText('1 dòng')
  await expect(definition(result, 'Không khớp')).toHaveText('1 dòng')
  await expect(definition(result, 'Thiếu tiền')).toHaveText('0 dòng')
  await expect(result.locator(`tr[data-txn="${txn}"]`)).toContainText(code)
  await expectNoSeriousViolations(clerk)

  // ── The unmatched line waits in the exceptions; the clerk records what was done ──
  const exception = clerk.locator(`[data-testid="exceptions"] li[data-txn="${txn}9"]`)
  await expect(exception).toContainText('Nội dung chuyển khoản không có mã thanh toán.')
  await exception.getByText('Ghi nhận đã xử lý').click()
  await exception.getByLabel('Cách đã xử lý').fill('Đã liên hệ ngân hàng, trả lại tiền cho người chuyển.')
  await exception.getByRole('button', { name: 'Lưu' }).click()
  await expect(exception).toHaveCount(0)
  await expect(clerk.getByText('Không có ngoại lệ nào chờ xử lý.')).toBeVisible()

  // ── The period's payments as XLSX ──
  const xlsx = clerk.getByRole('link', { name: 'Danh sách các khoản đã thu trong kỳ – Excel (XLSX)' })
  const download = await clerk.request.get((await xlsx.getAttribute('href'))!)
  expect(download.status()).toBe(200)
  expect(download.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  expect((await download.body()).subarray(0, 2).toString('latin1')).toBe('PK')

  // ── The citizen's dossier: paid, with the receipt ──
  await citizen.reload()
  await expect(definition(panel, 'Còn phải nộp')).toHaveText('0 ₫')
  const paid = panel.locator('li[data-payment]').filter({ hasText: 'Đã thanh toán' })
  await expect(paid).toHaveCount(1)
  await expect(paid.getByRole('link', { name: /^Tải biên lai BL-MC\d{20} \(PDF\)$/ })).toBeVisible()
  await expectNoSeriousViolations(citizen)
})

test('the workspace and its exports answer each role as its scope allows', async ({ baseURL }) => {
  // Commune A is Phường Thành Vinh (16681).
  const who = {
    anonymous: null,
    citizen: '040085003917',
    clerkA: 'canbo.thanhvinh',
    leaderA: 'lanhdao.thanhvinh',
    specialistA: 'chuyenvien.thanhvinh',
    clerkB: 'canbo.truongvinh',
    officer: 'tinh.nghean',
    admin: 'quantri',
  } as const
  const paths = {
    workspace: '/can-bo/thanh-toan',
    workspaceOfA: '/can-bo/thanh-toan?commune=16681',
    exportOfA: '/api/payments/export?commune=16681&table=payments&format=csv&from=01%2F11%2F2026&to=30%2F11%2F2026',
  }
  const expected: Record<keyof typeof who, Record<keyof typeof paths, number | 'sign-in'>> = {
    anonymous: { workspace: 'sign-in', workspaceOfA: 'sign-in', exportOfA: 401 },
    citizen: { workspace: 404, workspaceOfA: 404, exportOfA: 403 },
    clerkA: { workspace: 200, workspaceOfA: 200, exportOfA: 200 },
    leaderA: { workspace: 200, workspaceOfA: 200, exportOfA: 200 },
    specialistA: { workspace: 404, workspaceOfA: 404, exportOfA: 403 },
    clerkB: { workspace: 200, workspaceOfA: 404, exportOfA: 404 },
    officer: { workspace: 200, workspaceOfA: 200, exportOfA: 200 },
    admin: { workspace: 200, workspaceOfA: 200, exportOfA: 200 },
  }
  const actual: Record<string, Record<string, number | 'sign-in'>> = {}
  for (const [name, identifier] of Object.entries(who)) {
    const session = await apiSession(baseURL!, identifier)
    actual[name] = {}
    for (const [key, path] of Object.entries(paths)) {
      const response = await session.get(path, { maxRedirects: 0 })
      actual[name][key] = [302, 303, 307].includes(response.status()) && (response.headers()['location'] ?? '').includes('/dang-nhap') ? 'sign-in' : response.status()
    }
    await session.dispose()
  }
  expect(actual).toEqual(expected)
})
