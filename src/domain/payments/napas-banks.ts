/**
 * Names of banks by NAPAS BIN, for showing the collection account next to a VietQR code. Only banks a commune
 * collection account is likely to be held at (the State Treasury's partner banks); an unknown BIN shows as is.
 * Source: the BINs of the public NAPAS member list as reproduced in VietQR generators (e.g. the subiz/vietqr
 * README); checked against vietqr.test.ts for 970415 and 970436.
 */
export const NAPAS_BANKS: Readonly<Record<string, { shortName: string; name: string }>> = {
  '970405': { shortName: 'Agribank', name: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam' },
  '970415': { shortName: 'VietinBank', name: 'Ngân hàng TMCP Công Thương Việt Nam' },
  '970418': { shortName: 'BIDV', name: 'Ngân hàng TMCP Đầu tư và Phát triển Việt Nam' },
  '970436': { shortName: 'Vietcombank', name: 'Ngân hàng TMCP Ngoại thương Việt Nam' },
}

export function bankOf(bin: string): { shortName: string; name: string } {
  return NAPAS_BANKS[bin] ?? { shortName: bin, name: `Ngân hàng (mã BIN ${bin})` }
}
