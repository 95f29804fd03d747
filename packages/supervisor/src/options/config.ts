import type { Logger } from 'pino';
import type { HealthConfig } from '../health/options.js';
import type { LogConfig } from '../logs/options.js';
import type { MetricsConfig } from '../metrics/options.js';
import type { RuntimeDirSetting } from '../orphans/options.js';
import type { PortSetting } from '../port/options.js';
import type { ReadinessConfig } from '../readiness/options.js';
import type { RestartConfig } from '../restart/options.js';
import type { SpawnConfig } from '../spawn/options.js';
import type { StopConfig } from '../stop/options.js';

/** Options after defaults and validation: every field set. */
export interface SupervisorConfig {
  readonly name: string;
  readonly spawn: SpawnConfig;
  readonly port: PortSetting;
  readonly host: string;
  readonly readiness: ReadinessConfig;
  readonly health: HealthConfig | false;
  readonly restart: RestartConfig | false;
  readonly stop: StopConfig;
  readonly logs: LogConfig;
  readonly metrics: MetricsConfig | false;
  readonly logger: Logger | undefined;
  readonly runtimeDir: RuntimeDirSetting | false;
  readonly stopOnHostExit: boolean;
  readonly cgroup: boolean;
}
