import type { FastifyInstance, FastifyServerOptions, RouteOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

/** What Fastify calls a compiled validator or serializer with, and what it reads back. */
interface CompiledSchema {
  (data: unknown): unknown;
  errors?: unknown;
}
type RouteCompiler = (route: unknown) => CompiledSchema;
type CompilerFromPool = (externalSchemas: unknown, options: unknown) => RouteCompiler;
type HookStep = (...args: never[]) => unknown;

const VALIDATED_PARTS = ['body', 'querystring', 'params', 'headers'] as const;

/** A compiler factory package, imported once, on first use (a failed import is tried again next time). */
class DeferredFactory {
  readonly #load: () => Promise<CompilerFromPool>;
  #factory: CompilerFromPool | undefined;
  #loading: Promise<void> | undefined;

  constructor(load: () => Promise<CompilerFromPool>) {
    this.#load = load;
  }

  load(): Promise<void> {
    if (this.#factory !== undefined) return Promise.resolve();
    this.#loading ??= this.#load().then(
      (factory) => {
        this.#factory = factory;
      },
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }

  /** Fastify's factory option: compilers whose every schema is compiled on its first call. */
  factory(): CompilerFromPool {
    return (externalSchemas, options) => {
      let compileRoute: RouteCompiler | undefined;
      return (route) => compiledOnFirstCall(() => (compileRoute ??= this.#loaded()(externalSchemas, options))(route));
    };
  }

  #loaded(): CompilerFromPool {
    if (this.#factory === undefined) throw new Error('A route schema was used before its compiler was loaded (the route has no loading step)');
    return this.#factory;
  }
}

/** A validator or serializer that compiles its schema on its first call (Fastify reads `errors` after a failed validation). */
function compiledOnFirstCall(compile: () => CompiledSchema): CompiledSchema {
  let compiled: CompiledSchema | undefined;
  const call: CompiledSchema = (data) => {
    compiled ??= compile();
    const result = compiled(data);
    call.errors = compiled.errors;
    return result;
  };
  return call;
}

function withStepFirst(step: HookStep, existing: unknown): HookStep[] {
  const own = existing === undefined ? [] : Array.isArray(existing) ? (existing as HookStep[]) : [existing as HookStep];
  return [step, ...own];
}

/**
 * Fastify's own schema compilers (`@fastify/ajv-compiler` for validation, the same Ajv and options;
 * `@fastify/fast-json-stringify-compiler` for response schemas), loaded and run on first use.
 * Fastify loads both packages and compiles every route's schemas when the app gets ready: Ajv
 * code generation alone cost more than the rest of the app's startup, for routes `/health` never
 * needs. Here each route with a schema gets a first step that imports its compiler (an `onRequest`
 * step), and each schema is compiled on the first request that uses it. The schemas are constants
 * covered by the route tests, so a broken one still fails those tests, at its first use.
 */
export class DeferredSchemas {
  readonly #validation = new DeferredFactory(async () => (await import('@fastify/ajv-compiler')).default() as unknown as CompilerFromPool);
  readonly #serialization = new DeferredFactory(async () => (await import('@fastify/fast-json-stringify-compiler')).default() as unknown as CompilerFromPool);

  /** The `schemaController.compilersFactory` option of Fastify. */
  compilersFactory(): CompilersFactory {
    return { buildValidator: this.#validation.factory(), buildSerializer: this.#serialization.factory() } as unknown as CompilersFactory;
  }

  /** Gives every route registered from now on that has a schema a first step loading its compiler. */
  install(app: FastifyInstance): void {
    app.addHook('onRoute', (route: RouteOptions) => {
      const schema = route.schema as Record<string, unknown> | undefined;
      if (schema === undefined) return;
      const steps: (() => Promise<void>)[] = [];
      if (VALIDATED_PARTS.some((part) => schema[part] !== undefined)) steps.push(() => this.#validation.load());
      if (schema.response !== undefined) steps.push(() => this.#serialization.load());
      if (steps.length === 0) return;
      const loadCompilers = async (): Promise<void> => {
        await Promise.all(steps.map((step) => step()));
      };
      route.onRequest = withStepFirst(loadCompilers, route.onRequest) as RouteOptions['onRequest'];
    });
  }
}
