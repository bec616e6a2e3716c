import { expect, test } from './fixtures'
import { actionPanel, escapeRegExp, expectState, PDF, signedIn } from './support/journey'

// The one-stop journey in Chromium, each role in its own browser context: the clerk receives an online
// dossier and assigns it, the specialist asks for a supplement (the legal clock pauses), the applicant
// answers it with a file, the specialist forwards, the leader approves, the clerk returns the result with its
// electronic copy, which the applicant then downloads; the timeline shows each step. The demo seed keeps fresh online submissions of Nguyễn Văn An (040085003917)
// waiting at reception in Phường Thành Vinh.

const CITIZEN_ID = '040085003917'
const RESULT_NAME = 'Trích lục khai sinh – bé Khôi.pdf'

test('clerk receives, specialist asks for a supplement, the citizen answers, leader approves, clerk returns', async ({ browser }) => {
  test.setTimeout(180_000)

  // ── Clerk: the new online submissions queue, found by the applicant's ID number ──
  const clerk = await signedIn(browser, 'canbo.thanhvinh')
  await clerk.goto(`/can-bo?queue=new&q=${CITIZEN_ID}`)
  await expect(clerk.getByRole('heading', { level: 1, name: 'Bàn làm việc một cửa' })).toBeVisible()
  const row = clerk.locator('tr[data-code]').first()
  await expect(row).toBeVisible()
  const code = (await row.getAttribute('data-code'))!
  await row.getByRole('link', { name: code }).click()
  await expect(clerk).toHaveURL(new RegExp(`/can-bo/ho-so/${code}$`))
  await expectState(clerk, 'Chờ tiếp nhận')

  const receive = await actionPanel(clerk, 'receive')
  // The assignee is required: the server says so next to the field and applies nothing.
  await receive.getByRole('button', { name: 'Xác nhận: Tiếp nhận hồ sơ' }).click()
  await expect(receive.getByText('Bắt buộc nhập.')).toBeVisible()
  await receive.getByLabel('Giao cho').selectOption({ label: 'Trần Văn Hùng' })
  await receive.getByRole('button', { name: 'Xác nhận: Tiếp nhận hồ sơ' }).click()
  await expect(clerk.getByText('Đã thực hiện: Tiếp nhận hồ sơ.')).toBeVisible()
  await expectState(clerk, 'Đang giải quyết')

  // ── Specialist: my work → request a supplement, item by item ──
  const specialist = await signedIn(browser, 'chuyenvien.thanhvinh')
  await specialist.goto(`/can-bo?queue=mine&q=${code}`)
  await specialist.locator(`tr[data-code="${code}"]`).getByRole('link', { name: code }).click()
  const dueBefore = await specialist.locator('dt:text-is("Hẹn trả") + dd').innerText()
  const supplement = await actionPanel(specialist, 'request_supplement')
  await supplement.getByPlaceholder('Mục 1', { exact: true }).fill('Bản sao giấy chứng sinh')
  await supplement.getByPlaceholder('Ghi chú mục 1').fill('Bản sao có chứng thực')
  await supplement.getByLabel('Lý do, nội dung').fill('Hồ sơ còn thiếu giấy chứng sinh của trẻ.')
  await supplement.getByRole('button', { name: 'Xác nhận: Yêu cầu bổ sung, hoàn thiện' }).click()
  await expect(specialist.getByText('Đã thực hiện: Yêu cầu bổ sung, hoàn thiện.')).toBeVisible()
  await expectState(specialist, 'Chờ bổ sung hồ sơ')
  await expect(specialist.getByText('đang chờ công dân bổ sung (tạm dừng tính thời hạn)')).toBeVisible()

  // ── Citizen: answers the request with a file for the item ──
  const citizen = await signedIn(browser, CITIZEN_ID)
  await citizen.goto(`/ho-so-cua-toi/${code}`)
  await expectState(citizen, 'Chờ bổ sung hồ sơ')
  await expect(citizen.getByText('Bản sao giấy chứng sinh', { exact: true })).toBeVisible()
  const supply = await actionPanel(citizen, 'supply')
  await supply.getByLabel('Tệp cho: Bản sao giấy chứng sinh').setInputFiles({ name: 'Giấy chứng sinh.pdf', mimeType: 'application/pdf', buffer: PDF })
  await supply.getByLabel('Lý do, nội dung').fill('Em gửi bản sao giấy chứng sinh.')
  await supply.getByRole('button', { name: 'Xác nhận: Nộp bổ sung hồ sơ' }).click()
  await expect(citizen.getByText('Đã thực hiện: Nộp bổ sung hồ sơ.')).toBeVisible()
  await expectState(citizen, 'Đang giải quyết')
  await expect(citizen.getByText('Đã nộp: Giấy chứng sinh.pdf')).toBeVisible()

  // ── Specialist forwards; the appointment did not move earlier with the pause ──
  await specialist.reload()
  const dueAfter = await specialist.locator('dt:text-is("Hẹn trả") + dd').innerText()
  const asDate = (text: string) => text.match(/(\d{2})\/(\d{2})\/(\d{4})/)!.slice(1).reverse().join('')
  expect(asDate(dueAfter) >= asDate(dueBefore)).toBe(true)
  const forward = await actionPanel(specialist, 'forward')
  await forward.getByRole('button', { name: 'Xác nhận: Chuyển lãnh đạo phê duyệt' }).click()
  await expect(specialist.getByText('Đã thực hiện: Chuyển lãnh đạo phê duyệt.')).toBeVisible()

  // ── Leader: awaiting approval → approve ──
  const leader = await signedIn(browser, 'lanhdao.thanhvinh')
  await leader.goto(`/can-bo?queue=approval&q=${code}`)
  await leader.locator(`tr[data-code="${code}"]`).getByRole('link', { name: code }).click()
  const approve = await actionPanel(leader, 'approve')
  await approve.getByRole('button', { name: 'Xác nhận: Phê duyệt, ký' }).click()
  await expect(leader.getByText('Đã thực hiện: Phê duyệt, ký.')).toBeVisible()
  await expectState(leader, 'Chờ trả kết quả')

  // ── Clerk: ready to return → return the result, with its electronic copy (optional, offered here) ──
  await clerk.goto(`/can-bo?queue=to_return&q=${code}`)
  await clerk.locator(`tr[data-code="${code}"]`).getByRole('link', { name: code }).click()
  const returnResult = await actionPanel(clerk, 'return_result')
  const resultFile = returnResult.getByLabel('Tệp kết quả giải quyết (bản điện tử, nếu có)')
  await expect(resultFile).not.toHaveAttribute('required')
  await expect(resultFile).toHaveAccessibleDescription(/Nhận tệp PDF, JPG hoặc PNG; mỗi tệp tối đa 10 MB/)
  await resultFile.setInputFiles({ name: RESULT_NAME, mimeType: 'application/pdf', buffer: PDF })
  await returnResult.getByRole('button', { name: 'Xác nhận: Trả kết quả' }).click()
  await expect(clerk.getByText('Đã thực hiện: Trả kết quả.')).toBeVisible()
  await expectState(clerk, 'Đã trả kết quả')

  // The timeline shows every step with who acted, in order.
  const timeline = clerk.getByRole('region', { name: 'Quá trình giải quyết' }).locator('li')
  const steps = await timeline.locator('p.font-semibold').allInnerTexts()
  const tail = steps.slice(steps.indexOf('Tiếp nhận'))
  expect(tail).toEqual(['Tiếp nhận', 'Yêu cầu bổ sung', 'Bổ sung hồ sơ', 'Chuyển xử lý', 'Phê duyệt', 'Trả kết quả'])
  await expect(timeline.filter({ hasText: 'Yêu cầu bổ sung' })).toContainText('Trần Văn Hùng')

  // The citizen sees the public steps only, without the officials' names.
  await citizen.reload()
  await expectState(citizen, 'Đã trả kết quả')
  const publicSteps = await citizen.getByRole('region', { name: 'Quá trình giải quyết' }).locator('li p.font-semibold').allInnerTexts()
  expect(publicSteps).not.toContain('Chuyển xử lý')
  await expect(citizen.getByRole('region', { name: 'Quá trình giải quyết' })).not.toContainText('Trần Văn Hùng')

  // The citizen downloads the result: a download link named after the file (in the attachment list or the
  // result section), served as a PDF under its Vietnamese name (RFC 6266 filename*).
  const download = citizen.getByRole('link', { name: new RegExp(`^(Tải về tệp|Tải xuống) ${escapeRegExp(RESULT_NAME)}$`) }).first()
  await expect(download).toBeVisible()
  const href = (await download.getAttribute('href'))!
  expect(href).toMatch(/^\/api\/attachments\/[0-9a-f-]+\?download=1$/)
  const response = await citizen.request.get(href)
  expect(response.status()).toBe(200)
  expect(response.headers()['content-type']).toBe('application/pdf')
  const disposition = response.headers()['content-disposition'] ?? ''
  expect(disposition).toMatch(/^attachment;/)
  expect(decodeURIComponent(disposition.match(/filename\*=UTF-8''([^;]+)/)?.[1] ?? '')).toBe(RESULT_NAME)
  expect(Buffer.from(await response.body()).equals(PDF)).toBe(true)
})

test('two clerks act on the same dossier at once: one succeeds, the other is told to reload', async ({ browser }) => {
  test.setTimeout(120_000)
  const first = await signedIn(browser, 'canbo.thanhvinh')
  // Trần Thị Bình's fresh submission (the other journey uses Nguyễn Văn An's).
  await first.goto('/can-bo?queue=new&q=040190004826')
  const code = (await first.locator('tr[data-code]').first().getAttribute('data-code'))!
  const second = await first.context().newPage()
  await Promise.all([first.goto(`/can-bo/ho-so/${code}`), second.goto(`/can-bo/ho-so/${code}`)])

  const refuse = await actionPanel(first, 'refuse')
  await refuse.getByLabel('Lý do, nội dung').fill('Hồ sơ không thuộc thẩm quyền của phường.')
  await refuse.getByRole('button', { name: 'Xác nhận: Từ chối giải quyết' }).click()
  await expect(first.getByText('Đã thực hiện: Từ chối giải quyết.')).toBeVisible()

  const late = await actionPanel(second, 'receive')
  await late.getByLabel('Giao cho').selectOption({ label: 'Trần Văn Hùng' })
  await late.getByRole('button', { name: 'Xác nhận: Tiếp nhận hồ sơ' }).click()
  await expect(late.getByRole('alert')).toContainText('Hồ sơ vừa được người khác cập nhật')
  await late.getByRole('link', { name: 'Tải lại hồ sơ' }).click()
  await expectState(second, 'Từ chối')
})
