/**
 * Codes of the province-level units where a birth was registered: the first three digits of a personal
 * identification number (số định danh cá nhân, printed on the CCCD). Source: Circular 07/2016/TT-BCA,
 * art. 7 and its annex "Danh sách mã tỉnh, thành phố trực thuộc trung ương nơi công dân đăng ký khai
 * sinh"; Circular 59/2021/TT-BCA (which replaced it) kept the same structure and codes. They are the
 * 63 provinces' national statistics codes, zero-padded to three digits.
 *
 * Recorded from the published list (no network access to re-check the gazette at the time of writing;
 * cross-checked against independent public copies). The 2025 merger into 34 provinces does not renumber
 * anyone: numbers already issued keep the code of the province of birth registration, so all 63 stay
 * valid. Names are as at the time of the circular.
 */
export const BIRTH_REGISTRATION_PROVINCES = {
  '001': 'Hà Nội',
  '002': 'Hà Giang',
  '004': 'Cao Bằng',
  '006': 'Bắc Kạn',
  '008': 'Tuyên Quang',
  '010': 'Lào Cai',
  '011': 'Điện Biên',
  '012': 'Lai Châu',
  '014': 'Sơn La',
  '015': 'Yên Bái',
  '017': 'Hòa Bình',
  '019': 'Thái Nguyên',
  '020': 'Lạng Sơn',
  '022': 'Quảng Ninh',
  '024': 'Bắc Giang',
  '025': 'Phú Thọ',
  '026': 'Vĩnh Phúc',
  '027': 'Bắc Ninh',
  '030': 'Hải Dương',
  '031': 'Hải Phòng',
  '033': 'Hưng Yên',
  '034': 'Thái Bình',
  '035': 'Hà Nam',
  '036': 'Nam Định',
  '037': 'Ninh Bình',
  '038': 'Thanh Hóa',
  '040': 'Nghệ An',
  '042': 'Hà Tĩnh',
  '044': 'Quảng Bình',
  '045': 'Quảng Trị',
  '046': 'Thừa Thiên Huế',
  '048': 'Đà Nẵng',
  '049': 'Quảng Nam',
  '051': 'Quảng Ngãi',
  '052': 'Bình Định',
  '054': 'Phú Yên',
  '056': 'Khánh Hòa',
  '058': 'Ninh Thuận',
  '060': 'Bình Thuận',
  '062': 'Kon Tum',
  '064': 'Gia Lai',
  '066': 'Đắk Lắk',
  '067': 'Đắk Nông',
  '068': 'Lâm Đồng',
  '070': 'Bình Phước',
  '072': 'Tây Ninh',
  '074': 'Bình Dương',
  '075': 'Đồng Nai',
  '077': 'Bà Rịa - Vũng Tàu',
  '079': 'Hồ Chí Minh',
  '080': 'Long An',
  '082': 'Tiền Giang',
  '083': 'Bến Tre',
  '084': 'Trà Vinh',
  '086': 'Vĩnh Long',
  '087': 'Đồng Tháp',
  '089': 'An Giang',
  '091': 'Kiên Giang',
  '092': 'Cần Thơ',
  '093': 'Hậu Giang',
  '094': 'Sóc Trăng',
  '095': 'Bạc Liêu',
  '096': 'Cà Mau',
} as const satisfies Record<string, string>

export type BirthRegistrationProvinceCode = keyof typeof BIRTH_REGISTRATION_PROVINCES

export function isBirthRegistrationProvinceCode(code: string): code is BirthRegistrationProvinceCode {
  return Object.hasOwn(BIRTH_REGISTRATION_PROVINCES, code)
}
