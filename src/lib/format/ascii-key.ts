/**
 * An ASCII key for a Vietnamese label, to look up its translation: "Đăng ký, quản lý cư trú" →
 * "dang-ky-quan-ly-cu-tru". Lower case letters and digits joined by single hyphens.
 */
export function asciiKey(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
