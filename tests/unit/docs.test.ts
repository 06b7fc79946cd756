import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentReferenceMarkdown } from '../../scripts/lib/content-docs';
import { contentComponents, contentHtmlElements } from '../../src/content/checks/content-guard';
import { fieldsOf, kinds } from '../../scripts/lib/scaffold';
import { root } from '../helpers/build';

describe('documentation for editors', () => {
  const committed = readFileSync(join(root, 'docs/content-reference.md'), 'utf8');

  it('docs/content-reference.md is what the schemas and the allow-list generate (run npm run docs:content)', () => {
    expect(committed).toBe(contentReferenceMarkdown());
  });

  it('the reference lists every field of every collection and every allowed element', () => {
    for (const collection of Object.values(kinds)) {
      const { fields, structured } = fieldsOf(collection);
      for (const f of fields) expect(committed, `${collection}.${f.name}`).toContain(`| \`${f.name}\` |`);
      for (const s of structured) for (const i of s.items) expect(committed).toContain(`| \`${s.name}[].${i.name}\` |`);
    }
    for (const name of [...Object.keys(contentComponents), ...Object.keys(contentHtmlElements)]) expect(committed).toContain(`\`<${name}>\``);
  });

  it('CONTRIBUTING.md shows every site component and links the generated reference', () => {
    const contributing = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
    for (const name of Object.keys(contentComponents)) expect(contributing, name).toContain(`<${name} `);
    expect(contributing).toContain('(docs/content-reference.md)');
  });
});
