export { exitWithParent, DEFAULT_GONE_GRACE_MS, DEFAULT_PARENT_POLL_MS } from './exit-with-parent.js';
export type { ExitWithParentOptions } from './exit-with-parent.js';
export { readLaunchContext, ENV_INSTANCE_ID, ENV_PARENT_PID, ENV_PORT } from './launch-context.js';
export type { LaunchContext } from './launch-context.js';
