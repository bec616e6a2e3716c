import 'server-only'
import { cardGateway, type CardGateway } from './card-gateway'
import type { StartedPayment } from './start-payment'

/** Where the gateway sends the payer back: the dossier's payment result page (app/(citizen)/ho-so-cua-toi/[ref]/thanh-toan/ket-qua). */
export function gatewayReturnPath(dossierCode: string): string {
  return `/ho-so-cua-toi/${encodeURIComponent(dossierCode)}/thanh-toan/ket-qua`
}

/**
 * The signed URL that sends the applicant to the card/wallet gateway for a payment just started
 * (startPayment with method GATEWAY): the order is the payment's reference, amount and expiry; the return URL
 * is absolute on this app's public origin; the gateway's page speaks the UI's language.
 */
export function gatewayCheckoutUrl(
  payment: Pick<StartedPayment, 'reference' | 'amountVnd' | 'dossierCode' | 'createdAt' | 'expiresAt'>,
  { origin, clientIp, locale, gateway = cardGateway() }: { origin: string; clientIp: string; locale: string; gateway?: CardGateway },
): string {
  return gateway.paymentUrl({
    reference: payment.reference,
    amountVnd: payment.amountVnd,
    orderInfo: `Thanh toan phi, le phi ho so ${payment.dossierCode}`,
    returnUrl: new URL(gatewayReturnPath(payment.dossierCode), origin).toString(),
    clientIp,
    createdAt: payment.createdAt,
    expiresAt: payment.expiresAt,
    locale: locale === 'en' ? 'en' : 'vn',
  })
}
