/**
 * The receipt number of a paid payment: "BL-" + its payment reference. The reference is unique and already
 * carries the commune, the day, the dossier's daily number and the payment's sequence with check digits, so
 * the receipt number needs no counter of its own and can be read back to the payment.
 */
export function receiptNumberOf(reference: string): string {
  return `BL-${reference}`
}
