import type { Result } from '@shared/contract/result';

/**
 * The automatic daily backup: whenever the app (desktop or browser host) runs, it asks the core at start
 * and then every hour for `system.backups.daily`, which takes at most one backup a day by the core's clock
 * and rotates the automatic ones. Used by the Electron shell and the host alike, like the report schedule
 * runner; it knows the core only through dispatch.
 */

export interface BackupRunnerDeps {
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  /** How often to ask whether today's backup is due (default one hour). */
  intervalMs?: number;
  log?(message: string): void;
}

export interface DailyOutcome {
  created: { id: string } | null;
  removed: string[];
}

export interface BackupRunner {
  /** The check made at start. */
  started: Promise<DailyOutcome | null>;
  /** Takes today's backup if it is due; null when the core refused (the reason is logged). */
  check(): Promise<DailyOutcome | null>;
  stop(): Promise<void>;
}

export function startBackupRunner(deps: BackupRunnerDeps): BackupRunner {
  let current: Promise<DailyOutcome | null> | null = null;

  const pass = async (): Promise<DailyOutcome | null> => {
    const reply = await deps.dispatch('system.backups.daily', {});
    if (!reply.ok) {
      deps.log?.(`[tandem] daily backup: ${reply.error.message}`);
      return null;
    }
    const outcome = reply.value as DailyOutcome;
    if (outcome.created) deps.log?.(`[tandem] daily backup written: ${outcome.created.id}`);
    return outcome;
  };
  // Never two at once: a slow backup is not asked for again while it runs.
  const check = () => (current ??= pass().finally(() => (current = null)));
  const timer = setInterval(() => void check(), deps.intervalMs ?? 60 * 60 * 1000);
  timer.unref?.();
  return {
    started: check(),
    check,
    async stop() {
      clearInterval(timer);
      await current;
    },
  };
}
