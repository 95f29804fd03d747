import type { AssertionValue, MetricDelta } from '@sentinel/backend/contract';

export function ms(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

export function usd(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'unknown';
  return value < 0.01 ? `$${value.toFixed(5)}` : `$${value.toFixed(4)}`;
}

export function percent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '–';
  return `${Math.round(ratio * 100)} %`;
}

export function when(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '–';
}

/** A duration in words: `1 min 05 s`, `12 s`. */
export function duration(milliseconds: number): string {
  const seconds = Math.max(0, Math.round(milliseconds / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** An assertion's expected or actual value as text. */
export function valueText(value: AssertionValue | unknown): string {
  if (value === null || value === undefined) return '–';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `+120 ms (+25 %)` for a metric delta, with its sign. */
export function deltaText(delta: MetricDelta, unit: (value: number) => string): string {
  if (delta.delta === null) return 'not comparable';
  const sign = delta.delta > 0 ? '+' : delta.delta < 0 ? '−' : '±';
  const ratio = delta.ratio === null ? '' : ` (${sign}${Math.abs(Math.round(delta.ratio * 100))} %)`;
  return `${sign}${unit(Math.abs(delta.delta))}${ratio}`;
}
