import { expect, test } from './fixtures'

// The desk: a clerk finds the walk-in citizen by ID number (masked phone), registers a birth registration
// with the documents ticked and the specialist chosen, gets the code and the appointment, and prints the
// receipt-and-appointment slip (Mẫu 01) as a PDF; the dossier is already received and assigned.

test('a clerk registers a walk-in dossier and prints the receipt slip', async ({ page }) => {
  test.setTimeout(120_000)
  await page.goto('/dang-nhap')
  await page.getByLabel('Số định danh cá nhân / Số điện thoại / Tên đăng nhập').fill('canbo.thanhvinh')
  await page.getByLabel('Mật khẩu').fill('MotCua@2026')
  await page.getByRole('main').getByRole('button', { name: 'Đăng nhập', exact: true }).click()
  await expect(page).toHaveURL(/\/can-bo$/)

  await page.getByRole('navigation').getByRole('link', { name: 'Tiếp nhận hồ sơ' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Tiếp nhận hồ sơ trực tiếp' })).toBeVisible()
  await page.getByLabel('Số CCCD hoặc số điện thoại').fill('040085003917')
  await page.getByRole('button', { name: 'Tìm', exact: true }).click()
  await expect(page.getByText('Đã tìm thấy công dân')).toBeVisible()
  await expect(page.getByText('091****731')).toBeVisible()

  await page.getByLabel('Thủ tục hành chính').selectOption({ label: 'Đăng ký khai sinh' })
  await page.getByRole('button', { name: 'Chọn thủ tục' }).click()
  await expect(page.getByRole('heading', { name: '3. Thông tin hồ sơ' })).toBeVisible()
  await expect(page.getByLabel('Họ, chữ đệm và tên')).toHaveValue('Nguyễn Văn An')

  await page.getByLabel('Nội dung yêu cầu giải quyết').fill('Đăng ký khai sinh cho con sinh ngày 15/11/2026.')
  const address = page.getByLabel('Nơi cư trú (số nhà, đường, thôn, xóm, khối)')
  if (await address.isVisible()) await address.fill('Khối 5')
  for (const box of await page.getByRole('group', { name: /Thành phần hồ sơ đã nhận/ }).getByRole('checkbox').all()) await box.check()
  await page.getByLabel('Chuyên viên xử lý').selectOption({ label: 'Trần Văn Hùng' })
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Đã tiếp nhận hồ sơ' })).toBeVisible()
  const code = (await page.getByText(/^16681-\d{6}-\d{4}$/).first().innerText()).trim()
  const print = page.getByRole('link', { name: /In giấy tiếp nhận và hẹn trả kết quả/ })
  await expect(print).toHaveAttribute('href', `/api/dossiers/${code}/documents/mau-01`)
  const pdf = await page.request.get(`/api/dossiers/${code}/documents/mau-01`)
  expect(pdf.status()).toBe(200)
  expect(pdf.headers()['content-type']).toBe('application/pdf')
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-')

  // Received and with the specialist already.
  await page.goto(`/can-bo/ho-so/${code}`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Đang giải quyết')
  await expect(page.getByRole('region', { name: 'Quá trình giải quyết' })).toContainText('Tiếp nhận')
  await expect(page.getByRole('link', { name: /Giấy tiếp nhận hồ sơ và hẹn trả kết quả/ })).toBeVisible()
})
