import ExcelJS from 'exceljs'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { expectNoSeriousViolations } from './support/axe'
import { escapeRegExp, signedIn, signIn } from './support/journey'

// Issue 8 in Chromium: the provincial officer opens the dashboard, sorts the ranking of communes, walks down
// commune → procedure → the list of dossiers behind a number → one dossier (read-only), and downloads the ranking
// as XLSX with Vietnamese headers. Commune staff see the same dashboard for their own commune.

const OFFICER = 'tinh.nghean'
const CLERK = 'canbo.thanhvinh'

/**
 * A figure as a number: "1.234" (vi-VN grouping) → 1234, "92,6%" → 92.6; "—" (no data) → null. Only the leading
 * number counts (a link may add words for screen readers).
 */
function figure(text: string): number | null {
  const number = /^[\d.,]+/.exec(text.trim())
  if (!number) return null
  return Number(number[0].replace(/\./g, '').replace(',', '.'))
}

async function columnValues(table: Locator, column: string): Promise<(number | null)[]> {
  return (await table.locator(`tbody td[data-column="${column}"]`).allInnerTexts()).map(figure)
}

const rowNames = (table: Locator) => table.locator('tbody th[scope="row"] a').allInnerTexts()

async function expectOnlyWithoutActions(page: Page) {
  // Read-only: none of the staff's action panels, notes form or batch controls.
  await expect(page.locator('details[data-action]')).toHaveCount(0)
  await expect(page.locator('main form[method="post"], main form:not([method])')).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Tiếp nhận|Chuyển xử lý|Trả kết quả|Từ chối|Yêu cầu bổ sung|Thêm ghi chú/ })).toHaveCount(0)
}

test('a province officer sorts the ranking, drills down to one dossier and exports the ranking', async ({ page }) => {
  test.setTimeout(240_000)
  await page.goto('/dang-nhap')
  await signIn(page, OFFICER)
  await expect(page).toHaveURL(/\/tinh$/)
  await expect(page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Tổng quan toàn tỉnh' })).toBeVisible()

  // ── A year, so the demo's history is all in ──
  await page.getByRole('link', { name: '365 ngày qua' }).click()
  await expect(page).toHaveURL(/\/tinh\?ky=365$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Tổng quan toàn tỉnh' })).toBeVisible()
  await expect(page.getByRole('link', { name: '365 ngày qua' })).toHaveAttribute('aria-current', 'true')
  const ranking = page.getByTestId('ranking')
  await expect(ranking.locator('caption')).toContainText('Xếp hạng')
  const communeCount = await ranking.locator('tbody tr').count()
  expect(communeCount).toBeGreaterThan(100)
  // Default order: most dossiers received first.
  await expect(ranking.locator('thead th[data-column="received"]')).toHaveAttribute('aria-sort', 'descending')
  const received = await columnValues(ranking, 'received')
  expect(received).toEqual([...received].sort((a, b) => (b ?? -1) - (a ?? -1)))
  expect(received[0]).toBeGreaterThan(0)
  const before = await rowNames(ranking)
  await expect(page.locator('[data-figure="received"] dd').first()).not.toHaveText('0')
  await expect(page.getByRole('img', { name: /Biểu đồ theo ngày/ })).toBeVisible()
  await expectNoSeriousViolations(page)

  // ── Sort by "on-time rate", ascending then descending ──
  await ranking.locator('thead th[data-column="onTimeRate"] a').click()
  await expect(page).toHaveURL(/xep=onTimeRate&chieu=desc/)
  await expect(ranking.locator('thead th[data-column="onTimeRate"]')).toHaveAttribute('aria-sort', 'descending')
  await expect(ranking.locator('thead th[data-column="received"]')).not.toHaveAttribute('aria-sort')
  const rates = (await columnValues(ranking, 'onTimeRate')).filter((value): value is number => value !== null)
  expect(rates).toEqual([...rates].sort((a, b) => b - a))
  await ranking.locator('thead th[data-column="onTimeRate"] a').click()
  await expect(page).toHaveURL(/xep=onTimeRate&chieu=asc/)
  await expect(ranking.locator('thead th[data-column="onTimeRate"]')).toHaveAttribute('aria-sort', 'ascending')
  const ascending = (await columnValues(ranking, 'onTimeRate')).filter((value): value is number => value !== null)
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b))
  expect(await rowNames(ranking)).not.toEqual(before)
  expect(await ranking.locator('tbody tr').count()).toBe(communeCount)

  // ── The ranking as XLSX: Vietnamese headers, one row per commune and the totals ──
  const downloading = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Bảng xếp hạng xã, phường – Excel (XLSX)' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(await download.path())
  const sheet = workbook.worksheets[0]!
  const rows: unknown[][] = []
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  const headerIndex = rows.findIndex((row) => row[0] === 'Hạng')
  expect(headerIndex).toBeGreaterThanOrEqual(0)
  expect(rows[headerIndex]!.slice(0, 6)).toEqual(['Hạng', 'Mã xã, phường', 'Xã, phường', 'Tiếp nhận', 'Tiếp nhận trực tuyến', 'Tỷ lệ nộp trực tuyến'])
  const body = rows.slice(headerIndex + 1)
  expect(body).toHaveLength(communeCount + 1)
  expect(body.at(-1)).toContain('Tổng cộng')

  // ── Back to the busiest commune (default order), then down to it ──
  await page.goto('/tinh?ky=365')
  const busiest = ranking.locator('tbody tr').first()
  const communeName = (await busiest.locator('th[scope="row"] a').innerText()).trim()
  await busiest.locator('th[scope="row"] a').click()
  await expect(page).toHaveURL(/\/tinh\/xa\/\d{5}\?ky=365$/)
  await expect(page.getByRole('heading', { level: 1, name: communeName })).toBeVisible()
  const trail = page.getByRole('navigation', { name: 'Đường dẫn' })
  await expect(trail.getByRole('link', { name: 'Tổng quan toàn tỉnh' })).toHaveAttribute('href', '/tinh?ky=365')
  const procedures = page.getByTestId('procedures')
  await expect(procedures.locator('thead th[data-column="received"]')).toHaveAttribute('aria-sort', 'descending')
  await expectNoSeriousViolations(page)

  // The procedures table sorts too.
  await procedures.locator('thead th[data-column="name"] a').click()
  await expect(page).toHaveURL(/xep=name&chieu=asc/)
  await expect(procedures.locator('thead th[data-column="name"]')).toHaveAttribute('aria-sort', 'ascending')
  const procedureNames = await rowNames(procedures)
  expect(procedureNames).toEqual([...procedureNames].sort(new Intl.Collator('vi').compare))

  // ── The procedure with most dossiers in this commune ──
  await page.goto(page.url().replace(/[?&]xep=name&chieu=asc/, ''))
  const topProcedure = procedures.locator('tbody tr').first()
  const procedureName = (await topProcedure.locator('th[scope="row"] a').innerText()).trim()
  await topProcedure.locator('th[scope="row"] a').click()
  await expect(page).toHaveURL(/\/tinh\/xa\/\d{5}\/thu-tuc\/[^/?]+\?ky=365$/)
  await expect(page.getByRole('heading', { level: 1, name: procedureName })).toBeVisible()
  await expect(trail.getByRole('link', { name: communeName })).toBeVisible()
  await expectNoSeriousViolations(page)

  // ── The dossiers behind "received": as many as the figure says ──
  const receivedCard = page.locator('[data-figure="received"]')
  const receivedCount = figure(await receivedCard.locator('dd a').first().innerText())!
  expect(receivedCount).toBeGreaterThan(0)
  await receivedCard.locator('dd a').first().click()
  await expect(page).toHaveURL(/\/tinh\/ho-so\?xa=\d{5}&thu-tuc=[^&]+&chi-so=received&ky=365$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ tiếp nhận trong kỳ' })).toBeVisible()
  await expect(page.getByTestId('list-total')).toHaveText(`${receivedCount.toLocaleString('vi-VN')} hồ sơ`)
  await expect(trail.getByRole('link')).toHaveText(['Tổng quan toàn tỉnh', communeName, procedureName])
  const list = page.getByTestId('dashboard-dossiers')
  await expect(list.locator('tbody tr')).toHaveCount(Math.min(50, receivedCount))
  await expectNoSeriousViolations(page)
  if (receivedCount > 50) {
    const firstPage = await list.locator('tbody tr').first().getAttribute('data-code')
    await page.getByRole('link', { name: 'Trang sau' }).click()
    await expect(page).toHaveURL(/&sau=/)
    await expect(list.locator('tbody tr').first()).not.toHaveAttribute('data-code', firstPage!)
    await page.getByRole('link', { name: 'Về trang đầu' }).click()
    // Wait for the first page itself: reading a row before it came would name a dossier of the second.
    await expect(page).not.toHaveURL(/&sau=/)
    await expect(list.locator('tbody tr').first()).toHaveAttribute('data-code', firstPage!)
  }

  // ── One dossier: read-only, with the way back ──
  const code = (await list.locator('tbody tr').first().getAttribute('data-code'))!
  await list.getByRole('link', { name: code }).click()
  await expect(page).toHaveURL(new RegExp(`/tinh/ho-so/${code}\\?`))
  await expect(page.getByRole('heading', { level: 1 })).toContainText(code)
  await expect(trail.getByRole('link')).toHaveText(['Tổng quan toàn tỉnh', communeName, procedureName, 'Hồ sơ tiếp nhận trong kỳ'])
  await expectOnlyWithoutActions(page)
  await expectNoSeriousViolations(page)
})

test('the officer\u2019s dashboard works without JavaScript: a period from the form, sorting by links', async ({ browser }) => {
  const signedInPage = await signedIn(browser, OFFICER)
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'vi-VN', storageState: await signedInPage.context().storageState() })
  await signedInPage.context().close()
  const page = await context.newPage()
  await page.goto('/tinh')
  // Dates are written dd/MM/yyyy, as everywhere in the portal.
  const form = page.locator('form[method="get"]').filter({ has: page.getByLabel('Từ ngày') })
  const todayText = await form.getByLabel('Đến ngày').inputValue()
  expect(todayText).toMatch(/^\d{2}\/\d{2}\/\d{4}$/)
  const iso = (text: string) => text.split('/').reverse().join('-')
  const fromIso = new Date(Date.parse(`${iso(todayText)}T00:00:00Z`) - 59 * 86_400_000).toISOString().slice(0, 10)
  const fromText = fromIso.split('-').reverse().join('/')
  await form.getByLabel('Từ ngày').fill(fromText)
  await form.getByRole('button', { name: 'Xem' }).click()
  await expect(page).toHaveURL(new RegExp(escapeRegExp(new URLSearchParams({ tu: fromText, den: todayText }).toString())))
  await expect(page.getByTestId('period-shown')).toContainText(`từ ${fromText} đến ${todayText} (60 ngày)`)
  // Sorting is a link that keeps the period.
  await page.getByTestId('ranking').locator('thead th[data-column="resolvedLate"] a').click()
  await expect(page).toHaveURL(new RegExp(`tu=${fromIso}&den=${iso(todayText)}&xep=resolvedLate&chieu=desc`))
  await expect(page.getByTestId('ranking').locator('thead th[data-column="resolvedLate"]')).toHaveAttribute('aria-sort', 'descending')
  await expect(page.getByTestId('period-shown')).toContainText('(60 ngày)')
  // A period that cannot be used is explained under its field, kept as typed, and the page shows the last 30 days.
  await page.goto(`/tinh?${new URLSearchParams({ tu: todayText, den: fromText })}`)
  await expect(page.getByTestId('period-errors')).toContainText('Kỳ đã chọn không dùng được')
  await expect(form.getByText('“Đến ngày” phải sau hoặc bằng “Từ ngày”.')).toBeVisible()
  await expect(form.getByLabel('Đến ngày')).toHaveValue(fromText)
  await expect(form.getByLabel('Đến ngày')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByTestId('period-shown')).toContainText('(30 ngày)')
  await context.close()
})

test('commune staff see their own commune\u2019s dashboard, their dossiers open in their workspace', async ({ page, expectedConsoleErrors }) => {
  // The last step asks for another commune's dashboard on purpose: Chromium logs the 404.
  expectedConsoleErrors.push(/status of 404/)
  await page.goto('/dang-nhap')
  await signIn(page, CLERK)
  await page.getByRole('navigation', { name: 'Chức năng' }).getByRole('link', { name: 'Thống kê' }).click()
  await expect(page).toHaveURL(/\/can-bo\/thong-ke$/)
  await expect(page.getByRole('heading', { level: 1, name: 'Thống kê' })).toBeVisible()
  await expect(page.getByText('Thống kê tiếp nhận và giải quyết hồ sơ của Phường Thành Vinh.')).toBeVisible()
  await page.getByRole('link', { name: '365 ngày qua' }).click()
  await expectNoSeriousViolations(page)
  await page.locator('[data-figure="resolved"] dd a').first().click()
  await expect(page).toHaveURL(/\/can-bo\/thong-ke\/ho-so\?chi-so=resolved&ky=365$/)
  const list = page.getByTestId('dashboard-dossiers')
  const code = (await list.locator('tbody tr').first().getAttribute('data-code'))!
  await list.getByRole('link', { name: code }).click()
  await expect(page).toHaveURL(new RegExp(`/can-bo/ho-so/${code}$`))
  // Another commune's dashboard is not theirs.
  const response = await page.goto('/can-bo/thong-ke?xa=16690')
  expect(response?.status()).toBe(404)
})
