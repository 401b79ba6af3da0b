import { readdirSync, readFileSync } from 'node:fs';

const ticksPerSecond = 100;

/** user + system CPU seconds of one process from /proc (Linux), or null when it is not there. */
function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** CPU seconds of every process in a process group (Sharefin's tsx and the node it runs). */
export function groupCpuSeconds(pgid: number): number | null {
  let total = 0;
  let found = false;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      total += (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
      found = true;
    } catch {
      // The process ended while we looked.
    }
  }
  return found ? total : null;
}

/** CPU seconds of PostgreSQL backends by pid (only when the server runs on this machine). */
export function backendsCpuSeconds(pids: readonly number[]): number | null {
  let total = 0;
  for (const pid of pids) {
    const seconds = cpuSecondsOf(pid);
    if (seconds === null) return null;
    total += seconds;
  }
  return total;
}
