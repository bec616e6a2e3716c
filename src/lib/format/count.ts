/**
 * Vietnamese administrative texts write small counts with two digits ("03 ngày làm việc", "01 bản").
 */
export function padCount(value: number): string {
  return String(value).padStart(2, '0')
}
