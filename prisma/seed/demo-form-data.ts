/**
 * Plausible form data for generated dossiers, following the default forms (src/domain/forms/default-forms.ts),
 * and the fee each one owes. The fee rules below are the certification and extract fees of Circulars
 * 226/2016 and 281/2016 as copied in procedures.csv; they belong in domain/fees once that exists.
 */
import type { FormKind } from '../../src/domain/forms/default-forms'
import { certifiedCopyFee } from '../../src/domain/fees/fee-schedule'
import { addCalendarDays, localDateOf } from '../../src/domain/calendar/working-days'
import { familyName, personName, randomPerson, type Person } from './names'
import type { Random } from './prng'

export type Applicant = { fullName: string; citizenId: string; phone: string; email: string | null }
export type Address = { line: string; communeCode: string }

type FormInput = {
  random: Random
  kind: FormKind
  procedureName: string
  /** Fixed fee of the procedure version (null when unknown: nothing is charged in the demo). */
  baseFeeVnd: number | null
  applicant: Applicant
  communeCode: string
  communeIsWard: boolean
  submittedAt: Date
}

const COPY_DOCUMENTS = [
  'Căn cước công dân',
  'Giấy khai sinh',
  'Bằng tốt nghiệp trung học phổ thông',
  'Học bạ trung học phổ thông',
  'Bằng tốt nghiệp đại học',
  'Giấy chứng nhận quyền sử dụng đất',
  'Sổ hộ khẩu (cũ)',
  'Giấy chứng nhận kết hôn',
  'Thẻ bảo hiểm y tế',
  'Bảng điểm đại học',
]
const SIGNED_DOCUMENTS = ['Giấy ủy quyền', 'Sơ yếu lý lịch', 'Đơn xin việc', 'Giấy cam kết', 'Đơn xác nhận', 'Bản khai nhân khẩu']
const HOSPITALS = ['Bệnh viện Sản Nhi Nghệ An', 'Bệnh viện Hữu nghị Đa khoa Nghệ An', 'Bệnh viện Đa khoa thành phố Vinh', 'Bệnh viện Quốc tế Vinh']

function address(random: Random, communeCode: string, ward: boolean): Address {
  return { line: ward ? `Khối ${random.int(1, 24)}` : `Xóm ${random.int(1, 18)}`, communeCode }
}

function isoDate(date: Date): string {
  return localDateOf(date)
}


function personFields(prefix: string, person: Person, random: Random, home: Address) {
  return {
    [`${prefix}HoTen`]: person.fullName,
    [`${prefix}NgaySinh`]: `${person.birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
    [`${prefix}DanToc`]: random.chance(0.93) ? 'Kinh' : random.pick(['Thái', 'Khơ Mú', 'Mông', 'Thổ']),
    [`${prefix}QuocTich`]: 'Việt Nam',
    [`${prefix}SoDinhDanh`]: person.citizenId,
    [`${prefix}NoiCuTru`]: home,
  }
}

export function demoFormData(input: FormInput): { formData: Record<string, unknown>; feeVnd: number } {
  const { random, kind, applicant, communeCode, communeIsWard, submittedAt } = input
  const home = address(random, communeCode, communeIsWard)
  const base: Record<string, unknown> = {
    hoTenNguoiYeuCau: applicant.fullName,
    soDinhDanh: applicant.citizenId,
    soDienThoai: applicant.phone,
    ...(applicant.email ? { email: applicant.email } : {}),
    noiCuTru: home,
  }
  const fixedFee = input.baseFeeVnd ?? 0

  switch (kind) {
    case 'birth': {
      const father = randomPerson(random, { gender: 'MALE', minYear: 1985, maxYear: 2002 })
      const mother = randomPerson(random, { gender: 'FEMALE', minYear: 1988, maxYear: 2004 })
      const gender = random.chance(0.51) ? 'MALE' : 'FEMALE'
      const withFather = random.chance(0.95)
      const daysOld = random.chance(0.9) ? random.int(3, 55) : random.int(61, 400)
      return {
        formData: {
          ...base,
          treHoTen: personName(random, gender, withFather ? father.familyName : mother.familyName),
          treGioiTinh: gender,
          treNgaySinh: addCalendarDays(isoDate(submittedAt), -daysOld),
          treNoiSinh: { line: random.pick(HOSPITALS), communeCode },
          treDanToc: 'Kinh',
          treQuocTich: 'Việt Nam',
          ...personFields('me', mother, random, home),
          coThongTinCha: withFather,
          ...(withFather ? personFields('cha', father, random, home) : {}),
          quanHeVoiTre: withFather && random.chance(0.7) ? 'cha' : 'me',
          khaiSinhQuaHan: daysOld > 60,
          ...(daysOld > 60 ? { lyDoQuaHan: 'Gia đình đi làm ăn xa, chưa đăng ký kịp' } : {}),
        },
        // Late registration is charged by the provincial rate, which the sources did not give: none in the demo.
        feeVnd: 0,
      }
    }
    case 'marriage': {
      const groom = randomPerson(random, { gender: 'MALE', minYear: 1988, maxYear: 2004 })
      const bride = randomPerson(random, { gender: 'FEMALE', minYear: 1990, maxYear: 2006 })
      return {
        formData: { ...base, ...personFields('nu', bride, random, home), ...personFields('nam', groom, random, home), lanKetHon: random.chance(0.93) ? '1' : '2' },
        feeVnd: fixedFee,
      }
    }
    case 'death': {
      const deceased = randomPerson(random, { minYear: 1928, maxYear: 1965 })
      const deathDate = addCalendarDays(isoDate(submittedAt), -random.int(1, 14))
      return {
        formData: {
          ...base,
          nguoiChetHoTen: deceased.fullName,
          nguoiChetGioiTinh: deceased.gender,
          nguoiChetNgaySinh: `${deceased.birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
          nguoiChetSoDinhDanh: deceased.citizenId,
          ngayChet: deathDate,
          noiChet: random.chance(0.6) ? home : { line: random.pick(HOSPITALS), communeCode },
          nguyenNhanChet: random.pick(['Bệnh già', 'Bệnh tật', 'Tai nạn giao thông', 'Đột quỵ']),
          quanHeVoiNguoiChet: random.pick(['con', 'vo-chong', 'nguoi-than']),
        },
        feeVnd: fixedFee,
      }
    }
    case 'certifiedCopy': {
      const documents = Array.from({ length: random.chance(0.75) ? 1 : random.int(2, 3) }, () => ({
        tenGiayTo: random.pick(COPY_DOCUMENTS),
        soTrang: random.weighted([
          [1, 6],
          [2, 4],
          [3, 1],
          [4, 1],
          [6, 0.5],
        ] as const),
        soBan: random.int(1, 5),
        coQuanCap: random.chance(0.97) ? 'VN' : 'NN',
      }))
      return {
        formData: { ...base, giayTo: documents },
        feeVnd: documents.reduce((sum, document) => sum + certifiedCopyFee(document.soTrang, document.soBan), 0),
      }
    }
    case 'registerCopy':
      return {
        formData: { ...base, tenGiayTo: random.pick(['Giấy khai sinh', 'Giấy chứng nhận kết hôn', 'Trích lục khai tử']), soBan: random.int(1, 3), quanHeVoiNguoiDuocCap: random.pick(['cha', 'me', 'con', 'uy-quyen']) },
        feeVnd: fixedFee,
      }
    case 'civilStatusExtract': {
      const copies = random.int(1, 4)
      return {
        formData: {
          ...base,
          loaiSuKien: random.weighted([
            ['khai-sinh', 6],
            ['ket-hon', 3],
            ['khai-tu', 1],
          ] as const),
          nguoiDuocCapHoTen: random.chance(0.5) ? applicant.fullName : personName(random, random.chance(0.5) ? 'MALE' : 'FEMALE'),
          soBan: copies,
        },
        // Circular 281/2016 art. 4: 8,000 VND per extract copy.
        feeVnd: fixedFee * copies,
      }
    }
    case 'signature':
      return {
        formData: { ...base, tenGiayTo: random.pick(SIGNED_DOCUMENTS), hinhThuc: random.chance(0.97) ? 'ky' : 'diem-chi', soBan: random.int(1, 3) },
        // Circular 226/2016 art. 4: 10,000 VND per case (one document, one or more signatures).
        feeVnd: fixedFee,
      }
    case 'contract': {
      const kindOfContract = random.weighted([
        ['chuyen-nhuong-dat', 4],
        ['tang-cho', 3],
        ['the-chap', 2],
        ['thue-nha', 1],
        ['mua-ban-dong-san', 1],
      ] as const)
      const other = randomPerson(random, { family: familyName(random) })
      return {
        formData: {
          ...base,
          loaiHopDong: kindOfContract,
          taiSan: kindOfContract === 'mua-ban-dong-san'
              ? `Xe mô tô biển kiểm soát 37${random.pick(['B1', 'B2', 'C1', 'D1', 'E1', 'F1', 'H1', 'K1', 'N1'])}-${random.int(100, 999)}.${random.int(10, 99)}`
              : `Thửa đất số ${random.int(1, 900)}, tờ bản đồ số ${random.int(1, 60)}`,
          benGiaoKet: [
            { hoTen: applicant.fullName, soDinhDanh: applicant.citizenId, noiCuTru: home },
            { hoTen: other.fullName, soDinhDanh: other.citizenId, noiCuTru: address(random, communeCode, communeIsWard) },
          ],
          ...(kindOfContract === 'the-chap' ? { mienPhiNongNghiep: false } : {}),
        },
        feeVnd: fixedFee,
      }
    }
    case 'generic':
      return { formData: { ...base, noiDungYeuCau: `Đề nghị giải quyết thủ tục: ${input.procedureName}.` }, feeVnd: fixedFee }
  }
}
