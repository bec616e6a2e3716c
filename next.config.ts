import type { NextConfig } from 'next'
import createNextIntlPlugin from 'next-intl/plugin'

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts')

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Prisma's generated client and the pg driver run on the server only, unbundled; so do the PDF libraries
  // (pdf-lib's font engine is a CommonJS bundle better loaded by Node as is).
  serverExternalPackages: ['@prisma/client', '@prisma/adapter-pg', 'pg', 'pdf-lib', '@pdf-lib/fontkit', 'qrcode'],
  experimental: {
    // Forms carry attachments: up to the per-dossier limit (domain/attachments/limits.ts, 50 MB) plus the
    // form fields. The defaults (1 MB for server actions, 10 MB through the proxy) would cut uploads off.
    serverActions: { bodySizeLimit: '52mb' },
    proxyClientMaxBodySize: '52mb',
  },
}

export default withNextIntl(nextConfig)
