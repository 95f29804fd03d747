import type { ProviderName } from '../contract/providers.js';
import type { ModelAnswer } from '../contract/run.js';
import type { ResolvedRequest } from '../contract/spec.js';
import type { SdkApiError, SdkErrorClasses, UpstreamDetail } from './map-sdk-error.js';
import type { FetchFunction } from './retry-wait.js';

/** How an SDK client is built. */
export interface DriverSettings {
  readonly apiKey: string;
  /** undefined: the SDK's own endpoint (never read from the environment by the SDK). */
  readonly baseUrl: string | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly fetch: FetchFunction;
}

/** One SDK client, ready to call. */
export interface SdkSession {
  readonly errors: SdkErrorClasses;
  readonly describe: (error: SdkApiError) => UpstreamDetail;
  complete(request: ResolvedRequest, signal: AbortSignal): Promise<ModelAnswer>;
  /** The cheapest authenticated call the provider offers (listing models is free on both). */
  listModels(signal: AbortSignal): Promise<void>;
}

/** What each provider contributes: loading its SDK (lazily) and speaking its API. */
export interface ProviderDriver {
  readonly provider: ProviderName;
  open(settings: DriverSettings): Promise<SdkSession>;
}
