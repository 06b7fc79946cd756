import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

export interface Measured {
  code: number | null;
  wallMs: number;
  /** Highest sum of resident memory over the whole process tree (npm, node, pagefind…), sampled. */
  peakRssBytes: number;
  /**
   * CPU seconds (user + system) of the command and all its children, from /usr/bin/time when the
   * machine has it (else undefined): less sensitive than wall time to other work on the machine.
   */
  cpuSeconds: number | undefined;
  /** One-minute load average when the command started, to judge how busy the machine was. */
  loadBefore: number;
}

const timeCommand = '/usr/bin/time';

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
    const timed = existsSync(timeCommand);
    const cpuFile = `${options.log}.cpu`;
    const [file, argv] = timed ? [timeCommand, ['-f', '%U %S', '-o', cpuFile, command, ...args]] : [command, args];
    const started = performance.now();
    const child = spawn(file, argv, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
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
      const cpu = timed && existsSync(cpuFile) ? /([\d.]+) ([\d.]+)\s*$/.exec(readFileSync(cpuFile, 'utf8')) : null;
      const cpuSeconds = cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined;
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
