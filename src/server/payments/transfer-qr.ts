import 'server-only'
import { toString as qrSvg } from 'qrcode'

/**
 * The VietQR payload (domain/payments/vietqr.ts) drawn as an SVG QR code, as a data: URI for an <img> (the
 * page's CSP allows data: images; an <img> carries its accessible name in `alt`). Drawn on the server: no
 * script is needed to see it. Error correction M and a four-module quiet zone, as banking apps scan best.
 */
export async function transferQrDataUri(payload: string): Promise<string> {
  const svg = await qrSvg(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } })
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`
}
