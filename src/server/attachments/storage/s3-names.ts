/**
 * S3's rules for bucket names that work with both path-style and virtual-hosted addressing: 3 to 63
 * lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit. Shared by the
 * environment check (a bad name fails at start) and S3Storage itself.
 */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

export function isValidS3BucketName(name: string): boolean {
  return BUCKET_NAME.test(name) && !name.includes('..')
}
