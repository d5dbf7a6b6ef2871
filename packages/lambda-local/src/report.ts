/** What Lambda's `REPORT` line says about an invocation. */
export interface InvocationReport {
  requestId: string;
  durationMs: number;
  /** Rounded up to the millisecond; includes the init duration of a cold start (as Lambda bills `provided` runtimes). */
  billedDurationMs: number;
  memorySizeMB: number;
  /** Peak resident memory of the process (Linux); `undefined` elsewhere. */
  maxMemoryUsedMB: number | undefined;
  /** Set on a cold start. */
  initDurationMs: number | undefined;
  /** `timeout` or `error` when the invocation did not succeed. */
  status: 'timeout' | 'error' | undefined;
  /** Set with `status`. */
  errorType: string | undefined;
}

/** `START RequestId: ... Version: $LATEST`. */
export function startLine(requestId: string): string {
  return `START RequestId: ${requestId} Version: $LATEST`;
}

/** `END RequestId: ...`. */
export function endLine(requestId: string): string {
  return `END RequestId: ${requestId}`;
}

/**
 * Lambda's tab-separated `REPORT` line.
 *
 * @example
 * ```ts
 * reportLine(result.report); // 'REPORT RequestId: …\tDuration: 1.23 ms\tBilled Duration: 2 ms\tMemory Size: 128 MB…'
 * ```
 */
export function reportLine(r: InvocationReport): string {
  const parts = [
    `REPORT RequestId: ${r.requestId}`,
    `Duration: ${r.durationMs.toFixed(2)} ms`,
    `Billed Duration: ${r.billedDurationMs} ms`,
    `Memory Size: ${r.memorySizeMB} MB`,
  ];
  if (r.maxMemoryUsedMB !== undefined) parts.push(`Max Memory Used: ${r.maxMemoryUsedMB} MB`);
  if (r.initDurationMs !== undefined) parts.push(`Init Duration: ${r.initDurationMs.toFixed(2)} ms`);
  if (r.status) parts.push(`Status: ${r.status}`);
  if (r.status === 'error' && r.errorType) parts.push(`Error Type: ${r.errorType}`);
  return parts.join('\t');
}

/** `INIT_REPORT` for a failed init. */
export function initReportLine(initDurationMs: number, status: 'error' | 'timeout', errorType: string): string {
  return `INIT_REPORT Init Duration: ${initDurationMs.toFixed(2)} ms\tPhase: init\tStatus: ${status}${status === 'error' ? `\tError Type: ${errorType}` : ''}`;
}

/** `2024-01-31T12:00:00.000Z <id> Task timed out after 3.00 seconds`. */
export function timeoutLine(requestId: string, timeoutMs: number, now = new Date()): string {
  return `${now.toISOString()} ${requestId} Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`;
}

/** Billed duration: duration (plus init on a cold start), rounded up to 1 ms. */
export function billedMs(durationMs: number, initDurationMs: number | undefined): number {
  return Math.max(1, Math.ceil(durationMs + (initDurationMs ?? 0)));
}
