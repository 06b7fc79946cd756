import { describe, expect, it } from 'vitest';
import { findMdxSyntax } from '../../src/lib/markdown-body';

describe('findMdxSyntax', () => {
  it('finds components and import/export lines, with their line numbers', () => {
    const body = ['Intro.', '', 'A claim.<Cite source="x" />', 'import Thing from "./thing"', '<Quote source="x" id="q"/>'].join('\n');
    expect(findMdxSyntax(body)).toEqual([
      { line: 3, what: '<Cite>' },
      { line: 4, what: 'import' },
      { line: 5, what: '<Quote>' },
    ]);
  });

  it('leaves plain Markdown, HTML elements and code alone', () => {
    const body = [
      '## Key points',
      '- Lukashenka said he would "wait" <em>calmly</em>; 3 < 4 and a <br/> here.',
      'Write `<Cite source="x" />` in an explainer.',
      '```mdx',
      '<Cite source="x" />',
      'export const a = 1;',
      '```',
      'The export of grain resumed.',
    ].join('\n');
    expect(findMdxSyntax(body)).toEqual([]);
  });
});
