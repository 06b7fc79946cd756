import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root } from '../helpers/build';

/** CI and deploy run the npm scripts a person runs locally, so what passes here passes there. */
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
const workflow = (name: string) => parse(readFileSync(join(root, '.github/workflows', name), 'utf8'));
const runs = (job: { steps: Array<{ run?: string }> }) => job.steps.flatMap((s) => (s.run ? s.run.split('\n') : []));

describe('GitHub Actions workflows', () => {
  it('CI checks and tests pull requests with npm ci, npm run check and npm test', () => {
    const ci = workflow('ci.yml');
    expect(Object.keys(ci.on)).toContain('pull_request');
    const commands = runs(ci.jobs['check-and-test']);
    expect(commands).toEqual(expect.arrayContaining(['npm ci --no-audit --no-fund', 'npm run check', 'npm test']));
    expect(commands.join('\n')).toMatch(/apt-get install .*chromium/);
  });

  it('deploy builds main with SITE and BASE from the Pages address and publishes dist/', () => {
    const deploy = workflow('deploy.yml');
    expect(deploy.on.push.branches).toEqual(['main']);
    const build = deploy.jobs.build;
    const checkStep = build.steps.find((s: { run?: string }) => s.run === 'npm run check');
    expect(checkStep.env).toEqual({ SITE: '${{ steps.pages.outputs.origin }}', BASE: '${{ steps.pages.outputs.base_path }}/' });
    expect(build.steps.find((s: { uses?: string }) => s.uses?.startsWith('actions/upload-pages-artifact')).with.path).toBe('dist');
    expect(deploy.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });

  it('the scripts they call exist and chain the whole check', () => {
    expect(scripts.check).toMatch(/astro check.*npm run build.*check:site/);
    expect(scripts.test).toContain('vitest run');
  });
});
