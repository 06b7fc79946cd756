// Browser tests need a Chromium: CHROMIUM_PATH, or Debian's /usr/bin/chromium. As root on Debian
// it is installed here; anywhere else this names the one thing to do. Plain Node, any platform.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(browser)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!process.env.CHROMIUM_PATH && isRoot && existsSync('/usr/bin/apt-get')) {
  console.log("Installing Debian's chromium for the browser tests…");
  const run = (args) => spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  if (run(['update', '-qq']) && run(['install', '-y', '-qq', 'chromium']) && existsSync(browser)) process.exit(0);
}
console.error(
  `The browser tests need Chromium, and there is none at ${browser}.\n` +
    'On Debian, as root: apt-get update && apt-get install -y chromium\n' +
    'Elsewhere: set CHROMIUM_PATH to a Chromium or Chrome, e.g. CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm test',
);
process.exit(1);
