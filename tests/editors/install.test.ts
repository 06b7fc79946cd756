import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEnv, root } from '../helpers/build';

/**
 * Issue 15: the bundled Node (the `node` package) is a fallback. Where its platform download fails
 * (as it did for macOS arm64), the install must go on, and a machine with a suitable Node of its
 * own must build the site and its search index, with production dependencies only, as a host does.
 */
describe.skipIf(process.platform === 'win32')('installing where the bundled Node cannot be downloaded', () => {
  it('installs production dependencies, skips the bundled Node, and builds with the machine\'s Node', () => {
    const work = mkdtempSync(join(tmpdir(), 'mte-install-'));
    const project = join(work, 'project');
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
    for (const file of tracked) {
      if (!existsSync(join(root, file))) continue;
      mkdirSync(dirname(join(project, file)), { recursive: true });
      cpSync(join(root, file), join(project, file));
    }
    // The `node` package's preinstall runs `npm install node-<platform>-<arch>`: an `npm` earlier on
    // PATH that fails stands for a registry without that platform's package.
    const fake = join(work, 'no-platform-package');
    mkdirSync(fake);
    const attempted = join(work, 'download-attempted');
    writeFileSync(join(fake, 'npm'), `#!/bin/sh\ntouch '${attempted}'\necho "simulated: no such platform package" >&2\nexit 1\n`);
    chmodSync(join(fake, 'npm'), 0o755);
    const npm = execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim();
    // "The machine's Node": the one running this test (Node ≥ 22.12), first on PATH.
    const machineNode = dirname(process.execPath);
    const env = { ...buildEnv(), PATH: [fake, machineNode, process.env.PATH].join(':'), ASTRO_TELEMETRY_DISABLED: '1' };

    const install = spawnSync(npm, ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: project, env, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    expect(existsSync(attempted)).toBe(true);
    expect(existsSync(join(project, 'node_modules/node'))).toBe(false);
    expect(existsSync(join(project, 'node_modules/astro'))).toBe(true);
    expect(existsSync(join(project, 'node_modules/vitest'))).toBe(false);

    const build = spawnSync(npm, ['run', 'build'], { cwd: project, env: { ...env, NODE_ENV: 'production' }, encoding: 'utf8' });
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(existsSync(join(project, 'dist/index.html'))).toBe(true);
    expect(existsSync(join(project, 'dist/pagefind/pagefind.js'))).toBe(true);
  });
});
