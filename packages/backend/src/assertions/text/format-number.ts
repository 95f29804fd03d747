const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count with thousands separators: `12,345`. */
export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}

/** A USD amount with the digits that matter: `$0.00123`, `$1.50`, `$0`. */
export function formatUsd(value: number): string {
  if (value === 0) return '$0';
  if (Math.abs(value) >= 1) return `$${value.toFixed(2)}`;
  const digits = Math.min(12, Math.max(2, 2 - Math.floor(Math.log10(Math.abs(value)))));
  return `$${value.toFixed(digits).replace(/\.?0+$/, '')}`;
}
