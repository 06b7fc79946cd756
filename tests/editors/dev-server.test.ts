import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnv, fixtureWith, root } from '../helpers/build';

/**
 * `astro dev` refuses the same entries as the build and `npm run check:content`, with the same
 * message: a file that breaks the schema stops the server as it starts; a broken cross-reference
 * (checked once all collections are loaded) is the page's error.
 */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * Starts `astro dev` on a content tree and waits until its output or home page shows `expected`,
 * or the server has stopped, or a minute has passed; resolves with both.
 */
async function devServer(contentDir: string, expected: RegExp): Promise<{ output: string; page: string | undefined }> {
  const port = await freePort();
  // Its own process group, so that stopping it stops Astro's own children too.
  const child = spawn(join(root, 'node_modules/.bin/astro'), ['dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: root,
    detached: true,
    env: { ...buildEnv(), CONTENT_DIR: contentDir, ASTRO_CACHE_DIR: mkdtempSync(join(tmpdir(), 'mte-dev-')), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let exited = false;
  const gone = new Promise((resolve) => child.on('exit', resolve)).then(() => (exited = true));
  try {
    const until = Date.now() + 60_000;
    let page: string | undefined;
    while (Date.now() < until && !exited && !expected.test(shown(output, page))) {
      // Once Astro says it is ready, ask for the home page (which renders with the site's data).
      if (/ready in/.test(output)) page = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(20_000) }).then((r) => r.text(), () => undefined);
      await new Promise((r) => setTimeout(r, 250));
    }
    return { output, page };
  } finally {
    if (!exited) process.kill(-child.pid!, 'SIGTERM');
    await gone; // a second dev server in this project would refuse to start while this one runs
  }
}

/** What an editor sees: the terminal, and the page (its JSON-escaped slashes undone). */
const shown = (output: string, page?: string) => `${output}\n${page ?? ''}`.replace(/\\\//g, '/');

const cases = [
  {
    name: 'an impossible date',
    file: 'events/2025-03-talks-offered.yaml',
    edit: (t: string) => t.replace(/^date: .*$/m, 'date: 2025-02-30').replace(/^datePrecision: .*$/m, 'datePrecision: day'),
    expect: /events\/2025-03-talks-offered\.yaml.*date: expected a day that exists in the calendar/,
  },
  {
    name: 'a value outside an enum',
    file: 'sources/first-report.mdx',
    edit: (t: string) => t.replace(/^kind: .*$/m, 'kind: blog post'),
    expect: /sources\/first-report\.mdx.*kind: expected one of: news report, analysis/,
  },
  {
    name: 'a duplicate quote id',
    file: 'sources/first-report.mdx',
    edit: (t: string) => t.replace(/(quotes:\n)/, '$1  - id: hello\n    speaker: ann-speaker\n    text: "Again."\n    context: Twice.\n'),
    expect: /sources\/first-report\.mdx.*quotes\[1\]\.id: duplicate quote id "hello"/,
  },
  {
    name: 'an unknown actor',
    file: 'events/2025-03-talks-offered.yaml',
    edit: (t: string) => t.replace('actors: [ann-speaker]', 'actors: [ann-speaker, bob-nobody]'),
    expect: /events\/2025-03-talks-offered\.yaml:\d+:\d+: actors\[1\]: unknown actors id "bob-nobody"/,
  },
  {
    name: 'an unknown quote speaker',
    file: 'sources/first-report.mdx',
    edit: (t: string) => t.replace('    speaker: ann-speaker', '    speaker: nobody-at-all'),
    expect: /sources\/first-report\.mdx:\d+:\d+: quotes\[0\]\.speaker: unknown actors id "nobody-at-all"/,
  },
];

describe('astro dev refuses what the build refuses, with the same message', () => {
  for (const c of cases) {
    it(`names the file and field of ${c.name}`, async () => {
      const { output, page } = await devServer(fixtureWith(c.file, c.edit), c.expect);
      // Either the server stopped with the message, or it reports the error of the page it serves.
      expect(shown(output, page)).toMatch(c.expect);
    });
  }
});
