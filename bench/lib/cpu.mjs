import { readdirSync, readFileSync } from 'node:fs';

// CPU time spent by processes, read from /proc (Linux): utime + stime in clock ticks. On a
// shared 2-core machine throughput moves with whatever else runs; CPU time per request moves
// much less, and it says which process the time goes to.
const TICK_MS = 10; // USER_HZ is 100 on Linux x86_64

/** CPU time a process has used so far, in ms (utime + stime from /proc, 10 ms clock ticks); 0 once it exited. */
export function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0; // exited
  }
}

function pidsNamed(command) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === command) pids.push(Number(entry));
    } catch {
      // gone between readdir and read
    }
  }
  return pids;
}

/**
 * A CPU meter over named processes: `{ label: pid }` for our own, and every process whose
 * command is `postgres` or `nats-server` (the machine's servers, all their backends summed
 * process by process: one that starts inside the window counts from zero, one that ends inside
 * it is left out — its time is lost, never subtracted; keep pools warm).
 */
export function cpuMeter(processes) {
  const snapshot = () => {
    const taken = {};
    for (const [label, pid] of Object.entries(processes)) taken[label] = new Map([[pid, cpuMs(pid)]]);
    for (const command of ['postgres', 'nats-server']) taken[command] = new Map(pidsNamed(command).map((pid) => [pid, cpuMs(pid)]));
    const own = process.cpuUsage();
    taken['bench (autocannon)'] = new Map([[process.pid, (own.user + own.system) / 1000]]);
    return taken;
  };
  const spent = (before, after) => {
    let ms = 0;
    for (const [pid, now] of after) if (now > 0) ms += now - (before?.get(pid) ?? 0);
    return ms;
  };
  return {
    start() {
      const before = snapshot();
      return {
        /** CPU ms per process since start(). */
        stop() {
          const after = snapshot();
          return Object.fromEntries(Object.keys(after).map((label) => [label, spent(before[label], after[label])]));
        },
      };
    },
  };
}
