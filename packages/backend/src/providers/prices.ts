import type { ModelInfo, ProviderName } from '../contract/providers.js';
import type { RunUsage } from '../contract/run.js';

/**
 * The one price table: USD per million tokens, standard (not batch) processing.
 *
 * Read on 2026-12-01 from copies of the providers' public pricing pages reachable from here (no
 * live web): https://platform.claude.com/docs/en/about-claude/pricing and
 * https://developers.openai.com/api/docs/pricing, cross-checked against several dated third-party
 * copies (2025-11 to 2026-11). Check both pages before trusting a figure for billing.
 */
export const PRICES_READ_ON = '2026-12-01';
export const PRICE_SOURCES: Readonly<Record<ProviderName, string>> = {
  anthropic: 'https://platform.claude.com/docs/en/about-claude/pricing',
  openai: 'https://developers.openai.com/api/docs/pricing',
};

/** Prices of one tier, USD per million tokens. `cachedInput` null: no known cache price. */
export interface TierPrice {
  readonly input: number;
  readonly output: number;
  readonly cachedInput: number | null;
}

/** One model (family) of the table. */
export interface ModelPrice extends TierPrice {
  /** The ids priced so, the listed one first (aliases and known dated snapshots after it). */
  readonly ids: readonly string[];
  /**
   * Any `<snapshotsOf>-YYYYMMDD` / `<snapshotsOf>-YYYY-MM-DD` id is this model too: set only where
   * every snapshot of the model has had the same price. @default undefined (only `ids` match)
   */
  readonly snapshotsOf?: string;
  /**
   * Requests with more input tokens than `aboveInputTokens` are billed at `price` (the whole
   * request); `price: null` means that rate is not known here, so such a request has no cost.
   */
  readonly longContext?: { readonly aboveInputTokens: number; readonly price: TierPrice | null };
  /** Deprecated or retired: still priced (runs in the history), not listed for new specs. @default false */
  readonly deprecated?: boolean;
}

const p = (input: number, output: number, cachedInput: number | null): TierPrice => ({ input, output, cachedInput });
const model = (ids: string[], price: TierPrice, extra: Partial<ModelPrice> = {}): ModelPrice => ({ ids, ...price, ...extra });
const dated = (ids: string[], price: TierPrice, extra: Partial<ModelPrice> = {}): ModelPrice => model(ids, price, { snapshotsOf: ids[0], ...extra });
/** Above 272K input tokens, for OpenAI models whose long-context rate was not published in what was read. */
const OPENAI_LONG_UNKNOWN = { aboveInputTokens: 272_000, price: null };

export const PRICE_TABLE: Readonly<Record<ProviderName, readonly ModelPrice[]>> = {
  anthropic: [
    dated(['claude-opus-4-7'], p(5, 25, 0.5)),
    dated(['claude-opus-4-6'], p(5, 25, 0.5)),
    dated(['claude-sonnet-4-6'], p(3, 15, 0.3)),
    dated(['claude-opus-4-5', 'claude-opus-4-5-20251101'], p(5, 25, 0.5)),
    dated(['claude-sonnet-4-5', 'claude-sonnet-4-5-20250929'], p(3, 15, 0.3), { longContext: { aboveInputTokens: 200_000, price: p(6, 22.5, 0.6) } }),
    dated(['claude-haiku-4-5', 'claude-haiku-4-5-20251001'], p(1, 5, 0.1)),
    dated(['claude-opus-4-1', 'claude-opus-4-1-20250805'], p(15, 75, 1.5)),
    model(['claude-opus-4-0', 'claude-opus-4-20250514'], p(15, 75, 1.5), { snapshotsOf: 'claude-opus-4' }),
    model(['claude-sonnet-4-0', 'claude-sonnet-4-20250514'], p(3, 15, 0.3), {
      snapshotsOf: 'claude-sonnet-4',
      longContext: { aboveInputTokens: 200_000, price: p(6, 22.5, 0.6) },
    }),
    model(['claude-3-7-sonnet-latest', 'claude-3-7-sonnet-20250219'], p(3, 15, 0.3), { snapshotsOf: 'claude-3-7-sonnet', deprecated: true }),
    model(['claude-3-5-haiku-latest', 'claude-3-5-haiku-20241022'], p(0.8, 4, 0.08), { snapshotsOf: 'claude-3-5-haiku', deprecated: true }),
    model(['claude-3-haiku-20240307'], p(0.25, 1.25, 0.03), { deprecated: true }),
  ],
  openai: [
    dated(['gpt-5.5'], p(5, 30, 0.5), { longContext: OPENAI_LONG_UNKNOWN }),
    dated(['gpt-5.5-pro'], p(30, 180, null), { longContext: OPENAI_LONG_UNKNOWN }),
    dated(['gpt-5.4'], p(2.5, 15, 0.25), { longContext: { aboveInputTokens: 272_000, price: p(5, 22.5, null) } }),
    dated(['gpt-5.4-mini'], p(0.75, 4.5, 0.075), { longContext: OPENAI_LONG_UNKNOWN }),
    dated(['gpt-5.4-nano'], p(0.2, 1.25, 0.02), { longContext: OPENAI_LONG_UNKNOWN }),
    dated(['gpt-5.4-pro'], p(30, 180, null), { longContext: OPENAI_LONG_UNKNOWN }),
    dated(['gpt-5.2'], p(1.75, 14, 0.175)),
    dated(['gpt-5.2-pro'], p(21, 168, null)),
    dated(['gpt-5.1'], p(1.25, 10, 0.125)),
    dated(['gpt-5', 'gpt-5-2025-08-07'], p(1.25, 10, 0.125)),
    dated(['gpt-5-mini', 'gpt-5-mini-2025-08-07'], p(0.25, 2, 0.025)),
    dated(['gpt-5-nano', 'gpt-5-nano-2025-08-07'], p(0.05, 0.4, 0.005)),
    dated(['gpt-5-pro'], p(15, 120, null)),
    dated(['gpt-4.1', 'gpt-4.1-2025-04-14'], p(2, 8, 0.5)),
    dated(['gpt-4.1-mini', 'gpt-4.1-mini-2025-04-14'], p(0.4, 1.6, 0.1)),
    dated(['gpt-4.1-nano', 'gpt-4.1-nano-2025-04-14'], p(0.1, 0.4, 0.025)),
    // gpt-4o's first snapshot kept its launch price: its snapshots are listed, never matched by date.
    model(['gpt-4o', 'gpt-4o-2024-08-06', 'gpt-4o-2024-11-20'], p(2.5, 10, 1.25)),
    model(['gpt-4o-2024-05-13'], p(5, 15, null)),
    dated(['gpt-4o-mini', 'gpt-4o-mini-2024-07-18'], p(0.15, 0.6, 0.075)),
    dated(['o3', 'o3-2025-04-16'], p(2, 8, 0.5)),
    dated(['o3-pro', 'o3-pro-2025-06-10'], p(20, 80, null)),
    dated(['o3-mini', 'o3-mini-2025-01-31'], p(1.1, 4.4, 0.55)),
    dated(['o4-mini', 'o4-mini-2025-04-16'], p(1.1, 4.4, 0.275)),
    dated(['o1', 'o1-2024-12-17'], p(15, 60, 7.5)),
    dated(['o1-pro', 'o1-pro-2025-03-19'], p(150, 600, null)),
  ],
};

const DATE_SUFFIX = /-(\d{8}|\d{4}-\d{2}-\d{2})$/;

/** The table entry of a model id: an exact id, or a dated snapshot of a family priced by date. */
export function findModelPrice(provider: ProviderName, modelId: string): ModelPrice | undefined {
  const table = PRICE_TABLE[provider];
  const exact = table.find((entry) => entry.ids.includes(modelId));
  if (exact !== undefined) return exact;
  if (!DATE_SUFFIX.test(modelId)) return undefined;
  const base = modelId.replace(DATE_SUFFIX, '');
  return table.find((entry) => entry.snapshotsOf === base);
}

/**
 * The estimated cost of a call in USD, or null when it cannot be known: a model not in the table,
 * a long-context request without a known rate, or cached tokens without a known cache price.
 * Never a guess: `gpt-4o-mini` is not `gpt-4o`, and an unknown snapshot of `gpt-4o` has no cost.
 */
export function estimateCostUsd(provider: ProviderName, modelId: string, usage: RunUsage): number | null {
  const entry = findModelPrice(provider, modelId);
  if (entry === undefined) return null;
  const long = entry.longContext !== undefined && usage.input_tokens > entry.longContext.aboveInputTokens;
  const tier = long ? entry.longContext?.price ?? null : entry;
  if (tier === null) return null;
  const cached = Math.min(usage.cached_input_tokens ?? 0, usage.input_tokens);
  if (cached > 0 && tier.cachedInput === null) return null;
  const micros = (usage.input_tokens - cached) * tier.input + cached * (tier.cachedInput ?? 0) + usage.output_tokens * tier.output;
  return Math.round(micros * 1e4) / 1e10;
}

/** The models of a provider offered for new specs, with their base prices (for `GET /api/providers`). */
export function pricedModels(provider: ProviderName): ModelInfo[] {
  return PRICE_TABLE[provider]
    .filter((entry) => entry.deprecated !== true)
    .map((entry) => ({ id: entry.ids[0] ?? '', input_usd_per_mtok: entry.input, output_usd_per_mtok: entry.output }));
}
