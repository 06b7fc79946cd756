import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureContent, fixtureWith, root, runBuild } from '../helpers/build';

/**
 * Content MDX is data: one explainer carrying every kind of code, one case a line. The build (the
 * remark guard) and `npm run check:content` must both fail naming each at file:line:column.
 */
const cases: Array<[line: string, expected: string]> = [
  ['import Evil from "./evil.js"', ':1: import statement'],
  ['export const evil = 1', ':1: export statement'],
  ['Two is {1 + 1}.', ':8: JavaScript expression {1 + 1}'],
  ['{globalThis.alert("x")}', ':1: JavaScript expression {globalThis.alert("x")}'],
  ['<Cite source={"first-report"} />', ':7: JavaScript expression in attribute source={"first-report"} on <Cite>'],
  ['<Chart data="x" />', ':1: <Chart> is not an element content may use'],
  ['<script>alert(1)</script>', ':1: <script> element: content cannot contain scripts'],
  ['<iframe src="https://example.org/" />', ':1: <iframe> element: content cannot contain embedded frames'],
  ['<style>p</style>', ':1: <style> element: content cannot contain style sheets'],
  ['<abbr title="t" onClick="steal()">T</abbr>', ':17: event handler attribute onClick on <abbr>'],
  ['[click](javascript:alert(1))', ':1: link with a javascript: URL'],
  ['[vb](vbscript:msgbox(1))', ':1: link with a vbscript: URL'],
  ['![pixel](data:image/gif;base64,R0lGODlhAQABAAAAACw=)', ':1: image with a data: URL'],
  ['<a href="javascript:alert(1)">x</a>', ':4: href with a javascript: URL on <a>'],
  ['<img src="data:image/png;base64,AAAA" alt="x" />', ':6: src with a data: URL on <img>'],
];
const file = 'explainers/the-test-talks.mdx';
// The cases start on the line after the fixture's last (each is followed by a blank line).
const firstLine = readFileSync(join(fixtureContent, file), 'utf8').split('\n').length + 1;
const dir = fixtureWith(file, (text) => `${text}\n${cases.map(([line]) => `${line}\n`).join('\n')}`);
const at = (where: string) => `${file}:${firstLine + 2 * cases.findIndex(([, w]) => w === where)}`;
// <a> and <img> are reported twice: as elements (links and images are Markdown) and for their URL.
const expected = [
  ...cases.map(([, where]) => `${at(where)}${where}`),
  `${at(':4: href with a javascript: URL on <a>')}:1: <a> is not an element content may use`,
  `${at(':6: src with a data: URL on <img>')}:1: <img> is not an element content may use`,
];

describe('content MDX is data, not code', () => {
  it('the build fails naming every problem at file:line:column, with the fix', () => {
    const result = runBuild(dir, { astroOnly: true });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain(`Content MDX is data, not code: ${expected.length} problem(s)`);
    for (const e of expected) expect(result.output).toContain(e);
    expect(result.output).toMatch(/Fix: remove it: content cannot run scripts/);
  });

  it('npm run check:content reports the same problems, without a build', () => {
    const result = spawnSync('npm', ['run', '--silent', 'check:content', '--', dir], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(1);
    for (const e of expected) expect(result.stderr).toContain(e);
    expect(result.stderr).toContain(`${expected.length} problem(s)`);
  });

  it('a citation component in a source (whose page lists no citations) is rejected', () => {
    const source = fixtureWith('sources/older-digest.mdx', (text) => `${text}\nAs reported.<Cite source="first-report" />\n`);
    const result = spawnSync('npm', ['run', '--silent', 'check:content', '--', source], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/sources\/older-digest\.mdx:\d+:13: <Cite> is not available in sources\. Fix: use it only in explainers/);
  });
});
