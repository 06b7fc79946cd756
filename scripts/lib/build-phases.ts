/**
 * Where a build's time went, read from the log `astro build` prints: the content layer (Astro's
 * sync, types included), Vite's bundling, rendering the pages, and our search step (its own line,
 * src/features/search/build-index.ts). A phase the log does not report is left out.
 */
export interface BuildPhases {
  contentLayer?: number;
  vite?: number;
  pages?: number;
  search?: number;
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** Seconds in Astro's duration format: "59ms", "12.24s", "1m 5s". */
export function parseDuration(text: string): number | undefined {
  const m = /^(?:(\d+)m )?(\d+(?:\.\d+)?)(ms|s)$/.exec(text.trim());
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 60 + Number(m[2]) / (m[3] === 'ms' ? 1000 : 1);
}

export function buildPhases(log: string): BuildPhases {
  const phases: BuildPhases = {};
  const add = (phase: keyof BuildPhases, duration: string | undefined) => {
    const s = duration === undefined ? undefined : parseDuration(duration);
    if (s !== undefined) phases[phase] = (phases[phase] ?? 0) + s;
  };
  for (const line of log.replace(ANSI, '').split('\n')) {
    add('contentLayer', /\[types\] Generated (.+)$/.exec(line)?.[1]);
    add('vite', /\[vite\] ✓ built in (.+)$/.exec(line)?.[1]);
    // "✓ Completed in …" with no [tag] ends the page phase ("[build] ✓ Completed" ends others).
    add('pages', /^[\d:]+ ✓ Completed in (.+)\.\s*$/.exec(line)?.[1]);
    add('search', /\[mte:search-index\] indexed .* in ([\d.]+s);/.exec(line)?.[1]);
  }
  return phases;
}
