import type { Page } from '@playwright/test'
import { extractText, getDocumentProxy } from 'unpdf'
import { expect, test } from './fixtures'
import { expectNoSeriousViolations } from './support/axe'
import { applyForSignatureCertification, definition, signedIn } from './support/journey'

// Issue 7 in Chromium: a citizen applies online for a procedure with a fee (signature certification, a fixed
// 10 000 ₫), sees what is owed on the dossier, opens the VietQR transfer, then pays by card through the app's
// own sandbox gateway — declines once (the payment shows as failed and paying again is offered), then approves:
// the gateway's IPN credits the payment server to server, the return page says it is paid, the dossier shows
// "Đã thanh toán" and the electronic receipt downloads as a PDF with its number. The commune's clerk then
// records a refund from the same panel.

/**
 * Hoàng Thị Hà, Phường Vinh Phú: a demo citizen the other journeys leave alone (src/server/demo/demo-accounts.ts),
 * in a commune whose collection account no other journey edits.
 */
const CITIZEN = '040194009372'
const COMMUNE = 'Phường Vinh Phú'
const CLERK = 'canbo.vinhphu'
const FEE = '10.000 ₫'


/** The "Phí, lệ phí" panel of a dossier page. */
const panelOf = (page: Page) => page.locator('section#thanh-toan')


test('a citizen pays the fee through the sandbox gateway, after one declined attempt, and downloads the receipt', async ({ browser }) => {
  test.setTimeout(300_000)
  const page = await signedIn(browser, CITIZEN)
  const code = await applyForSignatureCertification(page, { commune: COMMUNE, address: 'Khối 3', documentName: 'Giấy ủy quyền nhận lương hưu' })

  // ── The dossier says what is owed, and the next step points to the payment section ──
  await page.goto(`/ho-so-cua-toi/${code}`)
  const panel = panelOf(page)
  await expect(panel.getByRole('heading', { name: 'Phí, lệ phí' })).toBeVisible()
  await expect(definition(panel, 'Phí, lệ phí')).toHaveText(FEE)
  await expect(definition(panel, 'Đã nộp')).toHaveText('0 ₫')
  await expect(definition(panel, 'Còn phải nộp')).toHaveText(FEE)
  await expect(page.getByRole('link', { name: 'Xem thanh toán' })).toHaveAttribute('href', '#thanh-toan')
  await expectNoSeriousViolations(page)

  // ── VietQR: the transfer to the commune's account, with the QR code and the exact description ──
  await panel.getByRole('button', { name: 'Chuyển khoản qua VietQR' }).click()
  const transfer = panel.getByRole('region', { name: 'Chuyển khoản qua VietQR' })
  await expect(transfer.getByRole('img', { name: /^Mã VietQR: chuyển 10\.000 ₫ tới tài khoản/ })).toBeVisible()
  const reference = (await transfer.getByTestId('transfer-reference').innerText()).trim()
  expect(reference).toMatch(/^MC\d{20}$/)
  await expect(definition(transfer, 'Số tiền')).toHaveText(FEE)
  await expect(definition(transfer, 'Số tài khoản')).toContainText('DEMO16702')
  await expect(transfer.getByText('khi UBND xã, phường đối chiếu sao kê')).toBeVisible()
  await expect(panel.locator(`[data-payment="${reference}"]`)).toContainText('Chờ thanh toán')
  await expectNoSeriousViolations(page)

  // ── Card: declined at the sandbox gateway ──
  await panel.getByRole('button', { name: 'Thanh toán bằng thẻ/ví điện tử' }).click()
  await expect(page).toHaveURL(/\/cong-thanh-toan-thu-nghiem\?/)
  await expect(page.getByText('Cổng thanh toán thử nghiệm — không có giao dịch tiền thật')).toBeVisible()
  await expect(definition(page.getByRole('region', { name: 'Đơn hàng' }), 'Số tiền')).toHaveText(FEE)
  await expect(page.getByLabel('Số thẻ')).toHaveValue('9704198526191432198')
  await expectNoSeriousViolations(page)
  await page.getByRole('button', { name: 'Hủy giao dịch' }).click()

  await expect(page).toHaveURL(new RegExp(`/ho-so-cua-toi/${code}/thanh-toan/ket-qua\\?`))
  await expect(page.getByRole('heading', { name: 'Thanh toán không thành công' })).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.getByRole('link', { name: 'Thanh toán lại' }).click()
  await expect(page).toHaveURL(new RegExp(`/ho-so-cua-toi/${code}#thanh-toan$`))
  const failed = panel.locator('li[data-payment]').filter({ hasText: 'Thẻ/ví điện tử' })
  await expect(failed).toHaveCount(1)
  await expect(failed).toContainText('Không thành công')
  await expect(definition(panel, 'Còn phải nộp')).toHaveText(FEE)

  // ── Card again: approved; the IPN credits it, the return page says so ──
  await panel.getByRole('button', { name: 'Thanh toán bằng thẻ/ví điện tử' }).click()
  await expect(page).toHaveURL(/\/cong-thanh-toan-thu-nghiem\?/)
  await page.getByRole('button', { name: 'Xác nhận thanh toán' }).click()
  await expect(page).toHaveURL(new RegExp(`/ho-so-cua-toi/${code}/thanh-toan/ket-qua\\?`))
  await expect(page.getByRole('heading', { name: 'Thanh toán thành công' })).toBeVisible()
  await expect(page.getByText(`Đã nhận ${FEE} cho hồ sơ ${code}`)).toBeVisible()
  await expectNoSeriousViolations(page)
  const receiptLink = page.getByRole('link', { name: /^Tải biên lai điện tử BL-MC\d{20} \(PDF\)$/ })
  const receiptNo = (await receiptLink.getAttribute('aria-label'))!.match(/BL-MC\d{20}/)![0]
  const receipt = await page.request.get((await receiptLink.getAttribute('href'))!)
  expect(receipt.status()).toBe(200)
  expect(receipt.headers()['content-type']).toBe('application/pdf')
  const bytes = new Uint8Array(await receipt.body())
  expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true })
  expect(text).toContain(receiptNo)
  expect(text).toContain(code)
  expect(text).toContain('10.000 đồng')
  expect(text).toContain('Mười nghìn đồng')

  // ── The dossier: paid, nothing more to pay, the receipt there too ──
  await page.getByRole('link', { name: 'Về trang hồ sơ' }).click()
  await expect(definition(panel, 'Đã nộp')).toHaveText(FEE)
  await expect(definition(panel, 'Còn phải nộp')).toHaveText('0 ₫')
  await expect(panel.getByText('Đã nộp đủ phí, lệ phí.')).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Thanh toán bằng thẻ/ví điện tử' })).toHaveCount(0)
  const paid = panel.locator('li[data-payment]').filter({ hasText: 'Đã thanh toán' })
  await expect(paid).toHaveCount(1)
  await expect(paid.getByRole('link', { name: `Tải biên lai ${receiptNo} (PDF)` })).toBeVisible()
  await expect(page.locator('[data-step="PAY"]')).toHaveCount(0)
  await expectNoSeriousViolations(page)

  // ── The commune's clerk sees the same panel and records a refund, checked field by field ──
  const clerk = await signedIn(browser, CLERK)
  await clerk.goto(`/can-bo/ho-so/${code}`)
  const staffPanel = panelOf(clerk)
  const staffPaid = staffPanel.locator('li[data-payment]').filter({ hasText: 'Đã thanh toán' })
  await staffPaid.getByText('Ghi nhận hoàn tiền').first().click()
  await staffPaid.getByLabel('Số tiền hoàn (đồng)').fill('20.000')
  await staffPaid.getByLabel('Lý do hoàn tiền').fill('Nộp')
  await staffPaid.getByRole('button', { name: 'Ghi nhận hoàn tiền' }).click()
  await expect(staffPaid.getByText('Vui lòng đánh dấu xác nhận trước khi ghi nhận.')).toBeVisible()
  await expect(staffPaid.getByText('Lý do cần ít nhất 5 ký tự.')).toBeVisible()
  await expect(staffPaid.getByLabel('Lý do hoàn tiền')).toHaveAttribute('aria-invalid', 'true')
  await staffPaid.getByLabel('Lý do hoàn tiền').fill('Người nộp không còn nhu cầu chứng thực.')
  await staffPaid.getByLabel('Tôi xác nhận số tiền này đã được trả lại cho người nộp.').check()
  await staffPaid.getByRole('button', { name: 'Ghi nhận hoàn tiền' }).click()
  await expect(staffPaid.getByText('Số tiền vượt quá số còn có thể hoàn của lần thanh toán này.')).toBeVisible()
  await expectNoSeriousViolations(clerk)
  await staffPaid.getByLabel('Số tiền hoàn (đồng)').fill('10.000')
  await staffPaid.getByLabel('Tôi xác nhận số tiền này đã được trả lại cho người nộp.').check()
  await staffPaid.getByRole('button', { name: 'Ghi nhận hoàn tiền' }).click()
  await expect(staffPanel.getByText('Đã ghi nhận hoàn tiền.')).toBeVisible()
  const refunded = staffPanel.locator('li[data-payment]').filter({ hasText: 'Đã hoàn tiền' })
  await expect(refunded).toContainText('Người nộp không còn nhu cầu chứng thực.')
  await expect(refunded.getByRole('link', { name: `Tải biên lai ${receiptNo} (PDF)` })).toBeVisible()
})
