/**
 * Synthetic Vietnamese applicants for the demo history: common family names (weighted roughly by how common
 * they are, with Hồ and Thái more frequent as they are in Nghệ An), usual middle and given names, a CCCD
 * laid out like a real one (040 = Nghệ An, century/gender digit, birth year, six digits) and a mobile number.
 */
import type { Random } from './prng'

const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 30],
  ['Trần', 9],
  ['Lê', 9],
  ['Phạm', 5],
  ['Hoàng', 5],
  ['Hồ', 5],
  ['Phan', 4],
  ['Võ', 4],
  ['Vũ', 2],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 2],
  ['Ngô', 2],
  ['Thái', 2],
  ['Đinh', 1],
  ['Cao', 1],
  ['Lương', 1],
  ['Chu', 1],
  ['Tăng', 1],
  ['Đậu', 1],
]

const MIDDLE = {
  MALE: ['Văn', 'Đức', 'Hữu', 'Quang', 'Minh', 'Xuân', 'Trọng', 'Công', 'Đình', 'Sỹ', 'Cảnh', 'Bá', 'Ngọc', 'Thanh'],
  FEMALE: ['Thị', 'Thị', 'Thị Thu', 'Thị Hồng', 'Ngọc', 'Thị Thanh', 'Thị Minh', 'Khánh', 'Phương', 'Thị Kim', 'Hoài'],
} as const

const GIVEN = {
  MALE: ['An', 'Bảo', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Khánh', 'Kiên', 'Lâm', 'Long', 'Mạnh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Tiến', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Tùng'],
  FEMALE: ['Anh', 'Châu', 'Chi', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hạnh', 'Hiền', 'Hoa', 'Hương', 'Huyền', 'Lan', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Tâm', 'Thảo', 'Thủy', 'Trang', 'Vân', 'Yến', 'Nhi'],
} as const

/** Mobile prefixes of the three big networks (Viettel, VinaPhone, MobiFone). */
const MOBILE_PREFIXES = ['096', '097', '098', '086', '032', '033', '035', '037', '038', '039', '091', '094', '088', '083', '084', '085', '090', '093', '089', '070', '076', '077', '078', '079']

export type Gender = 'MALE' | 'FEMALE'

export type Person = { fullName: string; familyName: string; gender: Gender; birthYear: number; citizenId: string; phone: string }

export function familyName(random: Random): string {
  return random.weighted(FAMILY_NAMES)
}

export function personName(random: Random, gender: Gender, family = familyName(random)): string {
  return `${family} ${random.pick(MIDDLE[gender])} ${random.pick(GIVEN[gender])}`
}

export function citizenIdFor(random: Random, gender: Gender, birthYear: number): string {
  const century = birthYear >= 2000 ? 2 : 0
  const genderDigit = century + (gender === 'FEMALE' ? 1 : 0)
  const serial = String(random.int(0, 999_999)).padStart(6, '0')
  return `040${genderDigit}${String(birthYear % 100).padStart(2, '0')}${serial}`
}

export function mobilePhone(random: Random): string {
  return `${random.pick(MOBILE_PREFIXES)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`
}

export function randomPerson(random: Random, options: { gender?: Gender; minYear?: number; maxYear?: number; family?: string } = {}): Person {
  const gender = options.gender ?? (random.chance(0.5) ? 'MALE' : 'FEMALE')
  const family = options.family ?? familyName(random)
  const birthYear = random.int(options.minYear ?? 1950, options.maxYear ?? 2005)
  return {
    fullName: personName(random, gender, family),
    familyName: family,
    gender,
    birthYear,
    citizenId: citizenIdFor(random, gender, birthYear),
    phone: mobilePhone(random),
  }
}
