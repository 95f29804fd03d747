/** What the backend asks a model for. */
export interface ModelRequest {
  readonly model: string;
  readonly query: string;
  readonly system?: string;
  readonly maxTokens: number;
  readonly temperature?: number;
  /** Aborts the call (e.g. on shutdown). */
  readonly signal?: AbortSignal;
}

/** A model's answer, reduced to what a run records. */
export interface ModelAnswer {
  readonly output: string;
  readonly model: string;
  readonly stopReason: string | null;
  readonly usage: { readonly input_tokens: number; readonly output_tokens: number };
}

/** Calls a model. Implementations throw `BackendError` with an upstream code on failure. */
export interface ModelClient {
  complete(request: ModelRequest): Promise<ModelAnswer>;
}
