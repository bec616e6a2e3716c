/**
 * The demo accounts the seed creates (flagged `User.isDemo`), with their passwords: the sign-in page lists
 * them in demo mode only. Plain data, no database access. The people are invented: names are common
 * Vietnamese names, ID numbers follow the CCCD layout (040 = Nghệ An, then the century/gender digit, the
 * birth year's last two digits and six arbitrary digits) and phone numbers use Vietnamese mobile prefixes.
 */
import type { Role } from '@/domain/access/roles'

export type DemoRole = Role
export type DemoGender = 'MALE' | 'FEMALE'

export type DemoAccount = {
  role: DemoRole
  fullName: string
  /** Staff sign in with it; null for citizens. */
  username: string | null
  /** 12-digit CCCD; citizens sign in with it (or their phone). */
  citizenId: string | null
  phone: string | null
  email: string | null
  gender: DemoGender
  /** yyyy-mm-dd */
  birthDate: string | null
  password: string
  /** Commune of a staff member (5-digit code), or a citizen's home commune. */
  communeCode: string | null
  /** One line for the demo sign-in hints. */
  descriptionVi: string
}

/** The same for every demo account: it is a demo, and one password means one hash to compute. */
export const DEMO_PASSWORD = 'MotCua@2026'

const EMAIL_DOMAIN = 'nghean.motcua.example'

/** Communes with demo staff: the four busiest wards of the Vinh area and a large rural commune. */
export const DEMO_COMMUNES = [
  { code: '16681', name: 'Phường Thành Vinh', slug: 'thanhvinh' },
  { code: '16690', name: 'Phường Trường Vinh', slug: 'truongvinh' },
  { code: '16702', name: 'Phường Vinh Phú', slug: 'vinhphu' },
  { code: '16732', name: 'Phường Cửa Lò', slug: 'cualo' },
  { code: '17662', name: 'Xã Đô Lương', slug: 'doluong' },
] as const

export type DemoCommune = (typeof DEMO_COMMUNES)[number]

type StaffNames = Record<'CLERK' | 'SPECIALIST' | 'LEADER', { fullName: string; gender: DemoGender }>

const STAFF_NAMES: Record<DemoCommune['slug'], StaffNames> = {
  thanhvinh: {
    CLERK: { fullName: 'Nguyễn Thị Thu Hà', gender: 'FEMALE' },
    SPECIALIST: { fullName: 'Trần Văn Hùng', gender: 'MALE' },
    LEADER: { fullName: 'Lê Quang Minh', gender: 'MALE' },
  },
  truongvinh: {
    CLERK: { fullName: 'Phạm Thị Hồng Nhung', gender: 'FEMALE' },
    SPECIALIST: { fullName: 'Hoàng Đức Thắng', gender: 'MALE' },
    LEADER: { fullName: 'Nguyễn Thị Lan Anh', gender: 'FEMALE' },
  },
  vinhphu: {
    CLERK: { fullName: 'Võ Thị Thanh Tâm', gender: 'FEMALE' },
    SPECIALIST: { fullName: 'Đặng Văn Khoa', gender: 'MALE' },
    LEADER: { fullName: 'Hồ Sỹ Tuấn', gender: 'MALE' },
  },
  cualo: {
    CLERK: { fullName: 'Phan Thị Mai', gender: 'FEMALE' },
    SPECIALIST: { fullName: 'Bùi Xuân Trường', gender: 'MALE' },
    LEADER: { fullName: 'Đỗ Văn Sơn', gender: 'MALE' },
  },
  doluong: {
    CLERK: { fullName: 'Thái Thị Hương', gender: 'FEMALE' },
    SPECIALIST: { fullName: 'Ngô Trí Dũng', gender: 'MALE' },
    LEADER: { fullName: 'Nguyễn Cảnh Toàn', gender: 'MALE' },
  },
}

const ROLE_PREFIX = { CLERK: 'canbo', SPECIALIST: 'chuyenvien', LEADER: 'lanhdao' } as const
const ROLE_DESCRIPTION = { CLERK: 'Cán bộ Bộ phận Một cửa', SPECIALIST: 'Chuyên viên', LEADER: 'Lãnh đạo UBND' } as const

function staff(commune: DemoCommune, role: keyof typeof ROLE_PREFIX): DemoAccount {
  const username = `${ROLE_PREFIX[role]}.${commune.slug}`
  const { fullName, gender } = STAFF_NAMES[commune.slug][role]
  return {
    role,
    fullName,
    username,
    citizenId: null,
    phone: null,
    email: `${username}@${EMAIL_DOMAIN}`,
    gender,
    birthDate: null,
    password: DEMO_PASSWORD,
    communeCode: commune.code,
    descriptionVi: `${ROLE_DESCRIPTION[role]}, ${commune.name}`,
  }
}

/** One clerk, one specialist and one leader for each demo commune. */
export const DEMO_STAFF: readonly DemoAccount[] = DEMO_COMMUNES.flatMap((commune) => [
  staff(commune, 'CLERK'),
  staff(commune, 'SPECIALIST'),
  staff(commune, 'LEADER'),
])

export const DEMO_ADMIN: DemoAccount = {
  role: 'ADMIN',
  fullName: 'Quản trị hệ thống',
  username: 'quantri',
  citizenId: null,
  phone: null,
  email: `quantri@${EMAIL_DOMAIN}`,
  gender: 'MALE',
  birthDate: null,
  password: DEMO_PASSWORD,
  communeCode: null,
  descriptionVi: 'Quản trị viên: danh mục thủ tục, quy trình, lịch, tài khoản',
}

export const DEMO_PROVINCE_OFFICER: DemoAccount = {
  role: 'PROVINCE_OFFICER',
  fullName: 'Trần Thị Phương Thảo',
  username: 'tinh.nghean',
  citizenId: null,
  phone: null,
  email: `tinh.nghean@${EMAIL_DOMAIN}`,
  gender: 'FEMALE',
  birthDate: null,
  password: DEMO_PASSWORD,
  communeCode: null,
  descriptionVi: 'Cán bộ cấp tỉnh: theo dõi toàn tỉnh (chỉ xem)',
}

type CitizenSeed = Pick<DemoAccount, 'fullName' | 'citizenId' | 'phone' | 'gender' | 'birthDate' | 'communeCode'>

const CITIZENS: CitizenSeed[] = [
  { fullName: 'Nguyễn Văn An', gender: 'MALE', birthDate: '1985-03-12', citizenId: '040085003917', phone: '0912048731', communeCode: '16681' },
  { fullName: 'Trần Thị Bình', gender: 'FEMALE', birthDate: '1990-07-21', citizenId: '040190004826', phone: '0983157264', communeCode: '16681' },
  { fullName: 'Lê Minh Châu', gender: 'FEMALE', birthDate: '1998-11-02', citizenId: '040198007153', phone: '0945726318', communeCode: '16690' },
  { fullName: 'Phạm Quốc Dũng', gender: 'MALE', birthDate: '1979-01-30', citizenId: '040079002648', phone: '0916384052', communeCode: '16690' },
  { fullName: 'Hoàng Thị Hà', gender: 'FEMALE', birthDate: '1994-05-17', citizenId: '040194009372', phone: '0978521436', communeCode: '16702' },
  { fullName: 'Võ Đức Huy', gender: 'MALE', birthDate: '2001-09-09', citizenId: '040201005584', phone: '0932645817', communeCode: '16732' },
  { fullName: 'Đặng Ngọc Lan', gender: 'FEMALE', birthDate: '2003-12-25', citizenId: '040303001269', phone: '0961738254', communeCode: '17662' },
  { fullName: 'Bùi Văn Long', gender: 'MALE', birthDate: '1968-04-04', citizenId: '040068008435', phone: '0904512869', communeCode: '17662' },
]

export const DEMO_CITIZENS: readonly DemoAccount[] = CITIZENS.map((citizen) => ({
  ...citizen,
  role: 'CITIZEN',
  username: null,
  email: null,
  password: DEMO_PASSWORD,
  descriptionVi: 'Công dân (đăng nhập bằng số CCCD hoặc số điện thoại)',
}))

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [DEMO_ADMIN, DEMO_PROVINCE_OFFICER, ...DEMO_STAFF, ...DEMO_CITIZENS]

/** What a demo user types in the sign-in form's identifier field. */
export function demoSignInIdentifier(account: DemoAccount): string {
  const identifier = account.username ?? account.citizenId ?? account.phone
  if (!identifier) throw new Error(`Demo account ${account.fullName} has no identifier`)
  return identifier
}
