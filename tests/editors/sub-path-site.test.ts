import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrokenLinks, htmlFiles, page, validateHtml } from '../../scripts/lib/built-site';
import { headersForPath, parsePolicy, policyInHtml, cspHash } from '../../src/features/security/csp';
import { launchBrowser } from '../helpers/browser';
import { waitForResults } from '../search/browser-search';
import { fixtureWith, root, runBuild } from '../helpers/build';
import { serveDist, type StaticServer } from '../helpers/serve';

/**
 * The fixture site, with the allowed kinds of content and some off-site URLs, built as it is deployed
 * to GitHub Pages under a sub-path (BASE=/minsk/), then crawled, validated and opened in Chromium
 * under its Content-Security-Policy.
 */
const BASE = '/minsk/';
const SITE = 'https://example.github.io';

const allowedContent = `
## Allowed content

The <abbr title="Organization for Security and Co-operation in Europe">OSCE</abbr> met; H<sub>2</sub>O and x<sup>2</sup>, <kbd>Ctrl</kbd>, <small>aside</small>.<br />
See the [first report](/sources/first-report/), its [quotes](/sources/first-report/#quotes), the [timeline](../../timeline/)
and the [agency's site](https://example.org/agency) or [write to us](mailto:desk@example.org).

![The site's logo](/favicon.svg)
`;

function buildAllowedSite() {
  const dir = fixtureWith('explainers/the-test-talks.mdx', (t) => t + allowedContent);
  const edit = (file: string, change: (t: string) => string) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  edit('sources/first-report.mdx', (t) => t.replace('language: en\n', 'language: en\nurl: https://example.org/first-report\n'));
  edit('outlets/test-agency.yaml', (t) => `${t}url: https://example.org/agency\n`);
  edit('references/test-accord.yaml', (t) => `${t}url: https://example.org/accord\n`);
  edit('actors/ann-speaker.yaml', (t) => `${t}formerIds: [ann-speeker]\n`);
  return runBuild(dir, { env: { BASE, SITE } });
}

let dist = '';
beforeAll(() => {
  const result = buildAllowedSite();
  expect(result.code, result.output.slice(-3000)).toBe(0);
  dist = result.outDir;
});

describe('built under a sub-path (BASE=/minsk/)', () => {
  it('renders the allowed content', () => {
    const $ = page(dist, 'explainers/the-test-talks/index.html');
    expect($('abbr[title="Organization for Security and Co-operation in Europe"]').text()).toBe('OSCE');
    expect($('sub').text()).toBe('2');
    expect($('kbd').text()).toBe('Ctrl');
    expect($('img[alt="The site\'s logo"]').attr('src')).toBe('/minsk/favicon.svg');
    expect($('a:contains("first report")').attr('href')).toBe('/minsk/sources/first-report/');
    expect($('.variants .variant').length).toBe(2);
  });

  it('crawls clean: every internal link, asset and #fragment resolves inside /minsk/, and HTML is valid', async () => {
    expect(findBrokenLinks(dist, { base: BASE, site: SITE })).toEqual([]);
    expect(await validateHtml(dist)).toEqual([]);
    const rootRelative = htmlFiles(dist).flatMap((file) => {
      const $ = page(dist, file);
      return $('[href^="/"], [src^="/"]').map((_, el) => $(el).attr('href') ?? $(el).attr('src')).get();
    });
    expect(rootRelative.length).toBeGreaterThan(100);
    expect(rootRelative.filter((u) => !u.startsWith(BASE))).toEqual([]);
  });

  it('lists its pages in the sitemap under /minsk/, and not the redirect from a moved page', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`<loc>${SITE}${BASE}sources/first-report/</loc>`);
    expect(sitemap).toContain(`<loc>${SITE}${BASE}actors/ann-speaker/</loc>`);
    expect(page(dist, 'actors/ann-speeker/index.html')('meta[http-equiv="refresh"]').attr('content')).toMatch(/actors\/ann-speaker\/$/);
    expect(sitemap).not.toContain('ann-speeker');
  });

  it('marks every off-site link, from content and from pages, as external and opens it safely', () => {
    const external = htmlFiles(dist).flatMap((file) => {
      const $ = page(dist, file);
      return $('a[href^="http"]').map((_, a) => ({ file, rel: $(a).attr('rel'), cls: $(a).attr('class'), note: $(a).find('.visually-hidden').text(), marker: $(a).find('[aria-hidden="true"]').text() })).get();
    });
    const files = new Set(external.map((e) => e.file.split('/')[0]));
    expect([...files].sort()).toEqual(['explainers', 'outlets', 'references', 'sources']);
    for (const link of external) {
      expect(link, link.file).toMatchObject({ rel: 'noopener noreferrer', cls: 'external', note: ' (external link)', marker: '↗' });
    }
    const $ = page(dist, 'explainers/the-test-talks/index.html');
    expect($('a[href^="mailto:"]').attr('rel')).toBeUndefined();
  });

  it('writes a _headers file whose policy allows what every page\'s <meta> policy allows', () => {
    const headers = headersForPath(readFileSync(join(dist, '_headers'), 'utf8'), `${BASE}sources/`);
    const header = parsePolicy(headers['Content-Security-Policy']!);
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(join(dist, file), 'utf8');
      const meta = parsePolicy(policyInHtml(html)!);
      for (const [directive, sources] of meta) expect(header.get(directive), `${file} ${directive}`).toEqual(expect.arrayContaining(sources));
      // Every inline script on the page is allowed by its hash, and nothing allows inline code wholesale.
      // JSON-LD is a data block: it never runs, CSP does not apply to it, and hashing it would add one
      // hash per page to the site-wide _headers policy.
      const $ = page(dist, file);
      $('script:not([src]):not([type="application/ld+json"])').each((_, s) => {
        expect(meta.get('script-src'), `${file}: ${$(s).text().slice(0, 60)}`).toContain(`'${cspHash($(s).text())}'`);
      });
      expect(meta.get('script-src')).not.toContain("'unsafe-inline'");
    }
  });

  it('fails the crawl on a broken link, a missing asset or fragment, and a link outside the base', () => {
    const broken = mkdtempSync(join(tmpdir(), 'mte-broken-'));
    cpSync(dist, broken, { recursive: true });
    const file = join(broken, 'glossary/index.html');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '</main>',
        '<p><a href="/minsk/sources/no-such-source/">a</a> <a href="/minsk/sources/first-report/#no-such-part">b</a> <a href="/sources/first-report/">c</a></p></main>',
      ),
    );
    rmSync(join(broken, 'favicon.svg'));
    const run = spawnSync('npm', ['run', '--silent', 'check:site', '--', broken], { cwd: root, encoding: 'utf8', env: { ...process.env, BASE } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('glossary/index.html: <a href> /minsk/sources/no-such-source/: no such page or file');
    expect(run.stderr).toContain('glossary/index.html: <a href> /minsk/sources/first-report/#no-such-part: sources/first-report/index.html has no element with id "no-such-part"');
    expect(run.stderr).toContain('glossary/index.html: <a href> /sources/first-report/: outside the base path /minsk/');
    expect(run.stderr).toMatch(/index\.html: <link href> \/minsk\/favicon\.svg: no such page or file/);
    const ok = spawnSync('npm', ['run', '--silent', 'check:site', '--', dist], { cwd: root, encoding: 'utf8', env: { ...process.env, BASE, SITE } });
    expect(ok.stdout, ok.stderr).toMatch(/check-site OK: \d+ pages/);
  });
});

describe('in Chromium, under the Content-Security-Policy (meta tag and _headers)', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await serveDist(dist, BASE, { headers: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page, recording CSP violations (console and event) and failed same-origin requests. */
  async function visit(path: string): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const problems: string[] = [];
    tab.on('console', (m) => {
      if (/Refused to|Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    tab.on('response', (r) => {
      if (r.url().startsWith(server.url) && r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
    });
    await tab.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        ((window as unknown as { __csp: string[] }).__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    const response = await tab.goto(server.url + path, { waitUntil: 'load' });
    if (!response?.ok()) problems.push(`HTTP ${response?.status()} ${path}`);
    return { page: tab, problems };
  }

  const violations = (tab: Page) => tab.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

  it('every kind of page loads and runs its scripts with no violation and no failed request', async () => {
    const paths = ['', 'explainers/the-test-talks/', 'sources/', 'sources/first-report/', 'timeline/', 'actors/ann-speaker/', 'glossary/', 'outlets/test-agency/', 'references/test-accord/'];
    for (const path of paths) {
      const { page: tab, problems } = await visit(path);
      // The theme control is revealed and works only if the layout's hashed inline script ran.
      const theme = tab.getByLabel('Theme', { exact: true });
      await expect.poll(() => theme.isVisible(), { message: path }).toBe(true);
      await theme.selectOption('dark');
      expect(await tab.evaluate(() => document.documentElement.dataset.theme), path).toBe('dark');
      // Search and the service worker, where the site has them, must work under the policy too.
      const search = tab.locator('input[type="search"]').first();
      if (await search.isVisible().catch(() => false)) {
        await search.fill('Testville');
        await waitForResults(tab, 'Testville');
      }
      if (await tab.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length > 0))) {
        await tab.evaluate(() => navigator.serviceWorker.ready);
      }
      expect([...problems, ...(await violations(tab))], path).toEqual([]);
      await tab.context().close();
    }
  });

  it('the sources filter (a bundled module) runs', async () => {
    const { page: tab, problems } = await visit('sources/');
    await expect.poll(() => tab.locator('form[data-filters]').isVisible()).toBe(true);
    await tab.selectOption('select[name="kind"]', 'weekly digest');
    expect(await tab.locator('.source-table tbody tr:not([hidden])').count()).toBe(1);
    expect(problems).toEqual([]);
    await tab.context().close();
  });

  it('blocks inline script that the policy does not list, and the test sees it', async () => {
    const { page: tab } = await visit('explainers/the-test-talks/');
    const ran = await tab.evaluate(async () => {
      // The browser reports the refusal as a violation event: wait for it, then look.
      const refused = new Promise((resolve) => document.addEventListener('securitypolicyviolation', resolve, { once: true }));
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      await refused;
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect((await violations(tab)).some((v) => v.startsWith('script-src'))).toBe(true);
    await tab.context().close();
  });
});

it('the built site has no leftovers of a root deploy', () => {
  expect(existsSync(join(dist, 'minsk'))).toBe(false);
});
