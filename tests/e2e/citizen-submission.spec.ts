import { expect, test } from './fixtures'
import { expectNoSeriousViolations } from './support/axe'
import { actionPanel, escapeRegExp, expectState, PDF, signedIn, signIn } from './support/journey'

// The citizen's online application in Chromium: search the catalogue without diacritics, open "Đăng ký khai
// sinh", choose the commune, fill the form (the browser's check of the same schema first), upload the
// documents with JavaScript, submit, and see the code with the expected appointment; the application is then
// in "my dossiers". Later the commune asks for a supplement, the citizen answers it with a file, and once the
// result is returned the citizen downloads its electronic copy.

/** Võ Đức Huy: a demo citizen the other journeys leave alone (README demo accounts). */
const CITIZEN = '040201005584'
const RESULT_NAME = 'Trích lục khai sinh – bé Võ Minh Khôi.pdf'

test('a citizen finds birth registration without diacritics, applies online with a PDF and gets the code', async ({ browser }) => {
  test.setTimeout(360_000)
  const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage()

  // ── Find the procedure: no diacritics, lower case ──
  await page.goto('/')
  await page.getByRole('searchbox').first().fill('dang ky khai sinh')
  await page.getByRole('searchbox').first().press('Enter')
  await page.getByRole('link', { name: 'Đăng ký khai sinh', exact: true }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeVisible()

  // ── Apply: sign in first, then back to the application ──
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click()
  await expect(page).toHaveURL(/\/dang-nhap\?next=/)
  await signIn(page, CITIZEN)
  await expect(page).toHaveURL(/\/nop-ho-so$/)
  if (await page.getByText('Bạn có bản nháp').isVisible()) {
    // A draft left by an earlier run on this database: throw it away and start afresh.
    await page.getByRole('button', { name: 'Bắt đầu khai hồ sơ' }).click()
    await page.getByRole('button', { name: 'Hủy bản nháp' }).click()
    await page.goto(page.url().replace(/\/thu-tuc\/([^/]+).*$/, '/thu-tuc/$1/nop-ho-so'))
  }
  await expectNoSeriousViolations(page)
  await page.getByLabel('Xã, phường giải quyết hồ sơ').selectOption({ label: 'Phường Thành Vinh' })
  await page.getByRole('button', { name: 'Bắt đầu khai hồ sơ' }).click()
  await expect(page).toHaveURL(/\/nop-ho-so\/[0-9a-f-]{36}$/)
  const formUrl = page.url()
  await expect(page.getByText('Nơi giải quyết: Phường Thành Vinh')).toBeVisible()
  // The applicant's block is filled in from the profile.
  await expect(page.getByLabel('Họ, chữ đệm và tên', { exact: false }).first()).not.toHaveValue('')

  // ── The browser checks with the same schema before anything is posted ──
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click()
  const summary = page.getByRole('alert').filter({ hasText: 'Hồ sơ chưa nộp được' })
  await expect(summary).toBeVisible()
  await expect(page.locator('[data-error-for="truong-treHoTen"]')).toHaveText('Vui lòng nhập thông tin này.')
  await expect(page).toHaveURL(formUrl)
  await expectNoSeriousViolations(page)

  // ── Fill the form ──
  const child = page.getByRole('region', { name: 'Người được khai sinh', exact: true })
  await child.getByLabel('Họ, chữ đệm và tên').fill('Võ Minh Khôi')
  await child.getByLabel('Nam', { exact: true }).check()
  await child.getByLabel('Ngày, tháng, năm sinh').fill('15/11/2026')
  await child.getByLabel('Số nhà, đường, thôn, xóm').fill('Bệnh viện Sản Nhi Nghệ An')
  await child.getByLabel('Xã, phường (Tỉnh Nghệ An)').selectOption({ label: 'Phường Thành Vinh' })
  await child.getByLabel('Dân tộc').fill('Kinh')
  await child.getByLabel('Quốc tịch').fill('Việt Nam')
  const parents = page.getByRole('region', { name: 'Cha, mẹ của người được khai sinh', exact: true })
  // The father's block shows only once its box is ticked (CSS, no script needed).
  await expect(parents.getByLabel('Họ, chữ đệm và tên của cha')).toBeHidden()
  await parents.getByLabel('Họ, chữ đệm và tên của mẹ').fill('Nguyễn Thị Hà')
  await parents.getByLabel('Ngày, tháng, năm sinh của mẹ').fill('02/03/1995')
  await parents.getByLabel('Dân tộc của mẹ').fill('Kinh')
  await parents.getByLabel('Quốc tịch của mẹ').fill('Việt Nam')
  const motherAddress = parents.getByRole('group', { name: 'Nơi cư trú của mẹ' })
  await motherAddress.getByLabel('Số nhà, đường, thôn, xóm').fill('Khối 5')
  await motherAddress.getByLabel('Xã, phường (Tỉnh Nghệ An)').selectOption({ label: 'Phường Thành Vinh' })
  await page.getByLabel('Người đi khai sinh là').selectOption({ label: 'Cha' })
  const applicantAddress = page.getByRole('group', { name: /^Nơi cư trú \*/ })
  await applicantAddress.getByLabel('Số nhà, đường, thôn, xóm').fill('Khối 5')
  await applicantAddress.getByLabel('Xã, phường (Tỉnh Nghệ An)').selectOption({ label: 'Phường Thành Vinh' })

  // ── Upload the documents (with progress; the file is checked by its content on the server) ──
  const documents = page.getByRole('region', { name: 'Giấy tờ kèm theo' })
  const slots = documents.locator('input[type="file"]')
  const count = await slots.count()
  expect(count).toBeGreaterThan(0)
  for (let index = 0; index < count; index++) {
    await slots.nth(index).setInputFiles({ name: `Giấy tờ ${index + 1} – bé Khôi.pdf`, mimeType: 'application/pdf', buffer: PDF })
    await expect(documents.getByRole('link', { name: new RegExp(`Giấy tờ ${index + 1} – bé Khôi\\.pdf`) })).toBeVisible()
  }

  // ── Submit ──
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Đã nộp hồ sơ thành công/ })).toBeVisible()
  const code = (await page.getByTestId('dossier-code').innerText()).trim()
  expect(code).toMatch(/^16681-\d{6}-\d{4}$/)
  await expect(page.getByText('Ngày hẹn trả kết quả dự kiến')).toBeVisible()
  await expect(page.locator('dt:text-is("Ngày hẹn trả kết quả dự kiến") + dd')).toHaveText(/\d{2}\/\d{2}\/\d{4}/)
  await expectNoSeriousViolations(page)

  // The receipt downloads as a PDF.
  const receipt = await page.request.get(`/api/dossiers/${code}/documents/xac-nhan-nop`)
  expect(receipt.status()).toBe(200)
  expect(receipt.headers()['content-type']).toContain('application/pdf')

  // Back to the form (a second tab, the back button): the draft is gone and the same dossier is shown.
  await page.goto(formUrl)
  await expect(page.getByTestId('dossier-code')).toHaveText(code)

  // The application is in "my dossiers", with its files.
  await page.goto(`/ho-so-cua-toi/${code}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Chờ tiếp nhận')
  await expect(page.getByText('Giấy tờ 1 – bé Khôi.pdf').first()).toBeVisible()

  // ── Later: the commune receives it and asks for one more document ──
  const clerk = await signedIn(browser, 'canbo.thanhvinh')
  await clerk.goto(`/can-bo/ho-so/${code}`)
  const receive = await actionPanel(clerk, 'receive')
  await receive.getByLabel('Giao cho').selectOption({ label: 'Trần Văn Hùng' })
  await receive.getByRole('button', { name: 'Xác nhận: Tiếp nhận hồ sơ' }).click()
  await expectState(clerk, 'Đang giải quyết')
  const specialist = await signedIn(browser, 'chuyenvien.thanhvinh')
  await specialist.goto(`/can-bo/ho-so/${code}`)
  const supplement = await actionPanel(specialist, 'request_supplement')
  await supplement.getByPlaceholder('Mục 1', { exact: true }).fill('Giấy xác nhận nơi cư trú của mẹ')
  await supplement.getByLabel('Lý do, nội dung').fill('Cần bổ sung giấy xác nhận nơi cư trú của mẹ.')
  await supplement.getByRole('button', { name: 'Xác nhận: Yêu cầu bổ sung, hoàn thiện' }).click()
  await expectState(specialist, 'Chờ bổ sung hồ sơ')

  // ── The citizen sees what to do next and answers with the document ──
  await page.goto('/ho-so-cua-toi')
  await expect(page.getByRole('main').getByText(code).first()).toBeVisible()
  await page.goto(`/ho-so-cua-toi/${code}`)
  await expectState(page, 'Chờ bổ sung hồ sơ')
  const supply = await actionPanel(page, 'supply')
  await supply.getByLabel('Tệp cho: Giấy xác nhận nơi cư trú của mẹ').setInputFiles({ name: 'Xác nhận cư trú – mẹ.pdf', mimeType: 'application/pdf', buffer: PDF })
  await supply.getByLabel('Lý do, nội dung').fill('Em gửi giấy xác nhận cư trú của mẹ cháu.')
  await supply.getByRole('button', { name: 'Xác nhận: Nộp bổ sung hồ sơ' }).click()
  await expectState(page, 'Đang giải quyết')

  // ── Processed, approved, returned with its electronic copy ──
  await specialist.reload()
  await (await actionPanel(specialist, 'forward')).getByRole('button', { name: 'Xác nhận: Chuyển lãnh đạo phê duyệt' }).click()
  await expect(specialist.getByText('Đã thực hiện: Chuyển lãnh đạo phê duyệt.')).toBeVisible()
  const leader = await signedIn(browser, 'lanhdao.thanhvinh')
  await leader.goto(`/can-bo/ho-so/${code}`)
  await (await actionPanel(leader, 'approve')).getByRole('button', { name: 'Xác nhận: Phê duyệt, ký' }).click()
  await expectState(leader, 'Chờ trả kết quả')
  await clerk.goto(`/can-bo/ho-so/${code}`)
  const returnResult = await actionPanel(clerk, 'return_result')
  await returnResult.getByLabel('Tệp kết quả giải quyết (bản điện tử, nếu có)').setInputFiles({ name: RESULT_NAME, mimeType: 'application/pdf', buffer: PDF })
  await returnResult.getByRole('button', { name: 'Xác nhận: Trả kết quả' }).click()
  await expectState(clerk, 'Đã trả kết quả')

  // ── The citizen downloads the result ──
  await page.goto(`/ho-so-cua-toi/${code}`)
  await expectState(page, 'Đã trả kết quả')
  const download = page.getByRole('link', { name: new RegExp(`^(Tải về tệp|Tải xuống) ${escapeRegExp(RESULT_NAME)}$`) }).first()
  await expect(download).toBeVisible()
  const result = await page.request.get((await download.getAttribute('href'))!)
  expect(result.status()).toBe(200)
  expect(result.headers()['content-type']).toBe('application/pdf')
  expect(Buffer.from(await result.body()).equals(PDF)).toBe(true)
  await expectNoSeriousViolations(page)

  // ── The citizen rates the service; the commune sees the rating on the dossier ──
  const ratingForm = page.locator('section[aria-labelledby="danh-gia"]')
  await ratingForm.getByLabel('4 sao: Hài lòng').check()
  await ratingForm.getByLabel('Góp ý (không bắt buộc)').fill('Cán bộ hướng dẫn bổ sung rõ ràng.')
  await ratingForm.getByRole('button', { name: 'Gửi đánh giá' }).click()
  await expect(page.getByText('Cảm ơn bạn đã đánh giá.')).toBeVisible()
  await clerk.goto(`/can-bo/ho-so/${code}`)
  const seen = clerk.locator('section[aria-labelledby="danh-gia"]')
  await expect(seen.getByRole('heading', { name: 'Đánh giá của công dân' })).toBeVisible()
  await expect(seen).toContainText('4/5 sao — Hài lòng')
  await expect(seen).toContainText('Cán bộ hướng dẫn bổ sung rõ ràng.')
})
