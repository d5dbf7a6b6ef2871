import { readFileSync } from 'node:fs';

/**
 * Peak resident memory of a process in MB (Linux `VmHWM`), which is what
 * Lambda's "Max Memory Used" reports; `undefined` where `/proc` is missing.
 */
export function peakMemoryMB(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.ceil(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}
