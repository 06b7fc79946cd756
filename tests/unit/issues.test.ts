import { describe, expect, it } from 'vitest';
import { fieldPath, formatSchemaIssues, parsePath, positionOfField, yamlLocator } from '../../src/content/checks/issues';
import { readEntryText } from '../../src/content/load-content';

const event = [
  'title: Talks offered', // 1
  'date: 2025-03', // 2
  'datePrecision: month', // 3
  'actors: [ann-speaker, bob-nobody]', // 4
  'sources:', // 5
  '  - first-report', // 6
  'description:', // 7
  '',
].join('\n');

const source = [
  '---', // 1
  'title: First report', // 2
  'date: 2025-02-30', // 3
  'quotes:', // 4
  '  - id: hello', // 5
  '    text: "We will meet."', // 6
  '---', // 7
  'Body.', // 8
].join('\n');

describe('where a field is in a content file', () => {
  it('finds a value in a YAML file, in a flow list and in a block list', () => {
    const at = yamlLocator(event, '.yaml');
    expect(at(['date'])).toEqual({ line: 2, column: 7 });
    expect(at(['actors', 1])).toEqual({ line: 4, column: 23 });
    expect(at(['sources', 0])).toEqual({ line: 6, column: 5 });
  });

  it('counts frontmatter lines from the top of the .mdx file', () => {
    const at = yamlLocator(source, '.mdx');
    expect(at(['date'])).toEqual({ line: 3, column: 7 });
    expect(at(['quotes', 0, 'text'])).toEqual({ line: 6, column: 11 });
  });

  it('places a field without a value at its key, a missing one at its parent or the first line', () => {
    expect(yamlLocator(event, '.yaml')(['description'])).toEqual({ line: 7, column: 1 });
    expect(yamlLocator(source, '.mdx')(['quotes', 0, 'speaker'])).toEqual({ line: 5, column: 5 });
    expect(yamlLocator(source, '.mdx')(['outlet'])).toEqual({ line: 2, column: 1 });
    expect(yamlLocator(event, '.yaml')(['quotes', 3])).toEqual({ line: 1, column: 1 });
    expect(yamlLocator('Just a body.', '.mdx')(['title'])).toEqual({ line: 1, column: 1 });
  });

  it('places an unknown field at its key', () => {
    expect(yamlLocator(`${event}slug: x\n`, '.yaml')(['slug'], { atKey: true })).toEqual({ line: 8, column: 1 });
  });

  it('reads field names back into paths, and names the body and the file', () => {
    expect(parsePath('quotes[1].speaker')).toEqual(['quotes', 1, 'speaker']);
    expect(fieldPath(parsePath('quotes[1].speaker'))).toBe('quotes[1].speaker');
    expect(positionOfField(event, '.yaml', 'actors[1]')).toEqual({ line: 4, column: 23 });
    expect(positionOfField(source, '.mdx', '(body)')).toEqual({ line: 8, column: 1 });
    expect(positionOfField(source, '.mdx', '(file)')).toEqual({ line: 1, column: 1 });
  });
});

describe('schema problems carry the line of the value', () => {
  it('formats "file:line:column: field: message"', () => {
    expect(formatSchemaIssues('e.yaml', [{ path: ['actors', 1], message: 'm' }], yamlLocator(event, '.yaml'))).toEqual(['e.yaml:4:23: actors[1]: m']);
    expect(formatSchemaIssues('e.yaml', [{ path: [], message: 'unknown field "slug"', keys: ['slug'] }], yamlLocator(`${event}slug: x\n`, '.yaml'))).toEqual([
      'e.yaml:8:1: (frontmatter): unknown field "slug"',
    ]);
  });

  it('as every entry point reads a file (readEntryText)', () => {
    expect(readEntryText(source, '.mdx', 'sources', 'content/sources/first-report.mdx').problems).toContain(
      'content/sources/first-report.mdx:3:7: date: expected a day that exists in the calendar (check the month and day)',
    );
    const broken = readEntryText('title: t\ntitle: u\n', '.yaml', 'actors', 'a.yaml').problems;
    expect(broken).toEqual([expect.stringMatching(/^a\.yaml:2:1: \(file\): not valid YAML: duplicated mapping key$/)]);
    const syntax = readEntryText('---\ntitle: t\nactors: [a\n---\n', '.mdx', 'sources', 's.mdx').problems;
    expect(syntax).toEqual([expect.stringMatching(/^s\.mdx:\d+:\d+: \(file\): not valid YAML: /)]);
  });
});
