/** Shared looks for buttons and button-like links, so both read as the same control. */
export const buttonStyles = {
  primary:
    'inline-flex items-center justify-center gap-2 rounded bg-gov-red-700 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-gov-red-800',
  secondary:
    'inline-flex items-center justify-center gap-2 rounded border border-navy-700 bg-white px-5 py-2.5 font-semibold text-navy-800 hover:bg-navy-50',
  navy: 'inline-flex items-center justify-center gap-2 rounded bg-navy-800 px-5 py-2.5 font-semibold text-white hover:bg-navy-900',
} as const
