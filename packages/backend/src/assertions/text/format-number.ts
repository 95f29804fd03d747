/**
 * A count with thousands separators: `12,345`. Written by hand rather than with Intl.NumberFormat:
 * the first Intl formatter of a process loads ICU data, about 7 MB of resident memory and tens of
 * milliseconds, which every run of the engine paid for this one format.
 */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A USD amount with the digits that matter: `$0.00123`, `$1.50`, `$0`. */
export function formatUsd(value: number): string {
  if (value === 0) return '$0';
  if (Math.abs(value) >= 1) return `$${value.toFixed(2)}`;
  const digits = Math.min(12, Math.max(2, 2 - Math.floor(Math.log10(Math.abs(value)))));
  return `$${value.toFixed(digits).replace(/\.?0+$/, '')}`;
}
