import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startAnthropicStub, startOpenAIStub, type AnthropicStub, type OpenAIStub } from '@sentinel/backend/testing';
import { createAdapterHost, type AdapterHostOptions } from '../../src/host/adapter-host.js';
import { createDefaultClient, createDefaultSupervisor, devSidecarPath } from '../../src/host/defaults.js';
import { dispatchBridgeCall } from '../../src/host/dispatch.js';
import { toBridgeError } from '../../src/host/errors.js';
import type { SentinelHost } from '../../src/host/host.js';
import { PLAINTEXT_CODEC } from '../../src/host/secret-store.js';
import type { BridgeErrorBody } from '../../src/shared/types.js';
import type { WorkspaceBridge, WorkspaceMethod } from '../../src/shared/workspace-bridge.js';
import { waitForHostEvent, isConnected } from './host-events.js';
import { waitGone } from './processes.js';

/** The keys the provider stubs accept (any other one is answered 401, as the providers do). */
export const ANTHROPIC_KEY = 'sk-ant-api03-workspace-test-key-0000-WXYZ';
export const OPENAI_KEY = 'sk-proj-workspace-test-openai-key-9876';

/** A browser-mode host over the real backend and supervisor, with Anthropic and OpenAI stubs; calls go through the bridge's dispatch. */
export interface WorkspaceHost {
  readonly host: SentinelHost;
  readonly dir: string;
  readonly anthropic: AnthropicStub;
  readonly openai: OpenAIStub;
  /** A bridge call as the renderer makes it (arguments through JSON), resolving with its value. */
  call<K extends WorkspaceMethod>(method: K, ...args: Parameters<WorkspaceBridge[K]>): Promise<Awaited<ReturnType<WorkspaceBridge[K]>>>;
  /** A bridge call that must fail: its error body, as the renderer receives it. */
  refusal(method: WorkspaceMethod, ...args: unknown[]): Promise<BridgeErrorBody>;
  /** A variable of the running backend's environment (/proc/<pid>/environ). */
  backendEnv(name: string): Promise<string | undefined>;
  close(): Promise<void>;
}

export async function startWorkspaceHost(dir: string, options: Partial<AdapterHostOptions> = {}): Promise<WorkspaceHost> {
  const anthropic = await startAnthropicStub({ apiKey: ANTHROPIC_KEY, behavior: { text: 'The capital of Australia is Canberra.' } });
  const openai = await startOpenAIStub({ apiKey: OPENAI_KEY, behavior: { text: '{"name": "Ada", "email": "ada@example.com"}' } });
  const host = createAdapterHost('browser', dir, PLAINTEXT_CODEC, {
    sidecarPath: devSidecarPath(),
    createSupervisor: createDefaultSupervisor,
    createClient: createDefaultClient,
    ...options,
    backendEnv: { ANTHROPIC_BASE_URL: anthropic.baseUrl, OPENAI_BASE_URL: openai.baseUrl, ...options.backendEnv },
  });
  const pids = new Set<number>();
  host.onEvent(() => {
    const pid = host.backendPid();
    if (pid !== undefined) pids.add(pid);
  });
  const connected = waitForHostEvent(host, isConnected);
  void host.start();
  await connected;
  const through = (args: unknown[]): unknown[] => JSON.parse(JSON.stringify(args)) as unknown[];
  return {
    host,
    dir,
    anthropic,
    openai,
    call: async (method, ...args) => (await dispatchBridgeCall(host.handlers, method, through(args))) as never,
    refusal: async (method, ...args) => {
      try {
        await dispatchBridgeCall(host.handlers, method, through(args));
      } catch (error) {
        return toBridgeError(error);
      }
      throw new Error(`${method} was expected to fail`);
    },
    backendEnv: async (name) => {
      const environ = await readFile(`/proc/${host.backendPid()}/environ`, 'utf8');
      const entry = environ.split('\0').find((line) => line.startsWith(`${name}=`));
      return entry?.slice(name.length + 1);
    },
    close: async () => {
      await host.stop();
      for (const pid of pids) await waitGone(pid);
      await Promise.all([anthropic.close(), openai.close()]);
    },
  };
}

/** The backend's starter templates as files (`templates/*.yaml` of @sentinel/backend, shipped in its package). */
export const TEMPLATES_DIR = join(dirname(fileURLToPath(import.meta.resolve('@sentinel/backend/package.json'))), 'templates');
