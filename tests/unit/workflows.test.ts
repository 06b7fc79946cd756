import { existsSync, readFileSync } from 'node:fs';
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

  it('CI shows editors their results: annotations first, the summary always, the built site to download', () => {
    type Step = { name?: string; id?: string; uses?: string; run?: string; if?: string; env?: Record<string, string>; with?: Record<string, unknown> };
    const steps = workflow('ci.yml').jobs['check-and-test'].steps as Step[];
    const index = (find: (s: Step) => boolean | undefined) => {
      const i = steps.findIndex((s) => Boolean(find(s)));
      expect(i, 'step not found').toBeGreaterThanOrEqual(0);
      return i;
    };
    // The whole history, so the base branch is there to compare with.
    const checkout = index((s) => s.uses?.startsWith('actions/checkout@'));
    expect(steps[checkout]!.with?.['fetch-depth']).toBe(0);
    const install = index((s) => s.run === 'npm ci --no-audit --no-fund');
    // The content check, which annotates under Actions (Actions sets GITHUB_ACTIONS itself), before anything slower.
    const content = index((s) => s.run === 'npm run check:content');
    const check = index((s) => s.run === 'npm run check');
    expect(install).toBeGreaterThan(checkout);
    expect(content).toBeGreaterThan(install);
    expect(content).toBeLessThan(check);
    expect(steps[content]!.env?.GITHUB_ACTIONS).toBeUndefined();
    // The summary runs scripts/pr-summary.ts against the base branch into the job summary, even when the check failed.
    const summary = index((s) => s.run?.includes('scripts/pr-summary.ts'));
    const step = steps[summary]!;
    expect(summary).toBeGreaterThan(content);
    expect(summary).toBeLessThan(check);
    expect(step.if).toMatch(/always\(\)/);
    expect(`${step.run} ${JSON.stringify(step.env ?? {})}`).toMatch(/origin\/\$\{\{ github\.base_ref/);
    expect(step.run).toMatch(/>>\s*"?\$GITHUB_STEP_SUMMARY"?/);
    // dist/ from the build, as the site-preview artifact, kept two weeks.
    const upload = index((s) => s.uses?.startsWith('actions/upload-artifact@v4'));
    expect(upload).toBeGreaterThan(check);
    expect(steps[upload]!.with).toMatchObject({ name: 'site-preview', 'retention-days': 14 });
    expect(String(steps[upload]!.with?.path).replace(/\/$/, '')).toBe('dist');
    expect(steps[upload]!.if).toBeUndefined();
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
    expect(scripts['check:content']).toContain('scripts/check-content.ts');
    expect(existsSync(join(root, 'scripts/pr-summary.ts'))).toBe(true);
  });
});
