import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';

export interface Measured {
  code: number | null;
  wallMs: number;
  /** Highest sum of resident memory over the whole process tree (npm, node, pagefind…), sampled. */
  peakRssBytes: number;
  /**
   * Seconds the whole machine's cores were busy (user, nice, system, interrupts) while the command
   * ran. Not /usr/bin/time's figure for the command's process tree: Astro does not wait for
   * Pagefind's service process when it exits, so its seconds (a third of a build) were counted in
   * some builds and not others. Any other work on the machine counts too: see `loadBefore`.
   */
  cpuSeconds: number;
  /** One-minute load average when the command started, to judge how busy the machine was. */
  loadBefore: number;
}

/** Milliseconds all cores have spent busy (user, nice, system, interrupts) since boot. */
function busyMs(): number {
  return cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);
}

/** Parent pid of every process, from /proc (Linux). */
function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 is the parent pid; the command name (field 2) may hold spaces, so split after ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid);
      if (list) list.push(Number(name));
      else children.set(ppid, [Number(name)]);
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

/** Resident memory of a process and all its descendants, in bytes; 0 where /proc is absent. */
export function treeRss(pid: number): number {
  if (!existsSync('/proc/self/status')) return 0;
  const children = parents();
  let total = 0;
  const queue = [pid];
  while (queue.length) {
    const current = queue.pop()!;
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${current}/status`, 'utf8'));
      if (match) total += Number(match[1]) * 1024;
    } catch {
      continue;
    }
    queue.push(...(children.get(current) ?? []));
  }
  return total;
}

/** Runs a command to completion, logging its output to a file, timing it and sampling its memory. */
export function runMeasured(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; log: string },
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const log = createWriteStream(options.log);
    const loadBefore = loadavg()[0]!;
    const busyBefore = busyMs();
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    let peakRssBytes = 0;
    const sample = () => {
      if (child.pid) peakRssBytes = Math.max(peakRssBytes, treeRss(child.pid));
    };
    const timer = setInterval(sample, 200);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      log.end();
      const wallMs = performance.now() - started;
      const cpuSeconds = (busyMs() - busyBefore) / 1000;
      resolve({ code, wallMs, peakRssBytes, cpuSeconds, loadBefore });
    });
  });
}

export interface DirStats {
  bytes: number;
  files: number;
  htmlPages: number;
}

/** Total size of the files under a directory; zeros when it does not exist. */
export function dirStats(dir: string): DirStats {
  const stats: DirStats = { bytes: 0, files: 0, htmlPages: 0 };
  if (!existsSync(dir)) return stats;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        stats.files++;
        stats.bytes += statSync(path).size;
        if (entry.name.endsWith('.html')) stats.htmlPages++;
      }
    }
  };
  walk(dir);
  return stats;
}
