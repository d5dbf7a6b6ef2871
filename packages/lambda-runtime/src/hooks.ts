/** A lifecycle hook: may be async. */
export type Hook = () => void | Promise<void>;

const registry = { shutdown: [] as Hook[], beforeSnapshot: [] as Hook[], afterRestore: [] as Hook[] };

/**
 * Runs `hook` when Lambda shuts the execution environment down (SIGTERM).
 * Registering a hook before `start()` makes the runtime register the
 * internal extension that has Lambda deliver SIGTERM (as Go's and Rust's
 * runtimes do). Hooks get about 300 ms.
 *
 * @example
 * ```ts
 * import { onShutdown, start } from '@tslambda/lambda-runtime';
 * onShutdown(async () => { await db.close(); });
 * start(handler);
 * ```
 */
export function onShutdown(hook: Hook): void {
  registry.shutdown.push(hook);
}

/**
 * SnapStart: runs `hook` before Lambda takes the snapshot
 * (`AWS_LAMBDA_INITIALIZATION_TYPE=snap-start`).
 *
 * @example
 * ```ts
 * import { beforeSnapshot } from '@tslambda/lambda-runtime';
 * beforeSnapshot(() => pool.drain());
 * ```
 */
export function beforeSnapshot(hook: Hook): void {
  registry.beforeSnapshot.push(hook);
}

/**
 * SnapStart: runs `hook` after the snapshot is restored, before the first
 * invocation (re-seed, reconnect, refresh credentials).
 *
 * @example
 * ```ts
 * import { afterRestore } from '@tslambda/lambda-runtime';
 * afterRestore(async () => { await pool.connect(); });
 * ```
 */
export function afterRestore(hook: Hook): void {
  registry.afterRestore.push(hook);
}

/** The registered hooks of a phase (a copy). */
export function hooksOf(phase: keyof typeof registry): Hook[] {
  return [...registry[phase]];
}

/** Runs hooks in order; the first failure is thrown. */
export async function runHooks(hooks: Hook[]): Promise<void> {
  for (const hook of hooks) await hook();
}
