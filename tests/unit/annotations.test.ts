import { describe, expect, it } from 'vitest';
import { annotation, escapeData, escapeProperty, formatProblem, parseProblem, problemTitle } from '../../src/content/checks/annotations';

describe('problem lines', () => {
  it('reads back every format the checks print', () => {
    expect(parseProblem('content/events/x.yaml:4:23: actors[1]: unknown actors id "bob"')).toEqual({
      file: 'content/events/x.yaml', line: 4, column: 23, field: 'actors[1]', message: 'unknown actors id "bob"',
    });
    // The content guard names no field; its message is kept whole, the fix included.
    expect(parseProblem('content/explainers/a.mdx:12:5: raw HTML. Fix: use Markdown.')).toEqual({
      file: 'content/explainers/a.mdx', line: 12, column: 5, field: undefined, message: 'raw HTML. Fix: use Markdown.',
    });
    expect(parseProblem('content/sources/a.mdx: (body): the body renders HTML')).toMatchObject({ file: 'content/sources/a.mdx', line: undefined, field: '(body)' });
    expect(parseProblem('content/sources/a.mdx:6: (body): nested')).toMatchObject({ line: 6, column: undefined, field: '(body)' });
    expect(parseProblem('x.mdx:2:1: quotes[0].context: "Kiev" in our own words. Fix: write "Kyiv".')).toMatchObject({ field: 'quotes[0].context' });
    expect(parseProblem('content/actors/Vladimir Putin.yaml:1:1: (file name): the file name')).toMatchObject({ file: 'content/actors/Vladimir Putin.yaml', field: '(file name)' });
    // A guard message that merely starts with words and a colon is not a field.
    expect(parseProblem('a.mdx:3:1: MDX cannot be parsed: Unexpected character').field).toBeUndefined();
    // Line 0 (a node without a position) is no line.
    expect(parseProblem('a.mdx:0:0: raw HTML. Fix: x.').line).toBeUndefined();
  });

  it('prints "file:line:column: field: message", and reads back to the same line', () => {
    const line = 'content/sources/a.mdx:4:7: date: expected a day that exists in the calendar (check the month and day)';
    expect(formatProblem(parseProblem(line))).toBe(line);
    expect(formatProblem({ file: 'f.yaml', line: 3, message: 'm' })).toBe('f.yaml:3: m');
    expect(formatProblem({ file: 'f.yaml', message: 'm', field: 'title' })).toBe('f.yaml: title: m');
  });
});

describe('GitHub workflow commands', () => {
  it('escapes %, CR and LF in the message, and , and : too in properties', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });

  it('names the file, line, column and a short title, with the field and message as the text', () => {
    const problem = parseProblem('content/events/2025-03-talks-offered.yaml:4:23: actors[1]: unknown actors id "bob-nobody". Did you mean "ann-speaker"?');
    expect(annotation(problem)).toBe(
      '::error file=content/events/2025-03-talks-offered.yaml,line=4,col=23,title=Content problem in actors[1]::actors[1]: unknown actors id "bob-nobody". Did you mean "ann-speaker"?',
    );
  });

  it('cannot be broken out of by what an editor writes', () => {
    const line = annotation({ file: 'content/sources/a,b:c.mdx', line: 2, column: 1, field: 'title', message: 'bad "x"\n::error::forged' });
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe('::error file=content/sources/a%2Cb%3Ac.mdx,line=2,col=1,title=Content problem in title::title: bad "x"%0A::error::forged');
  });

  it('leaves out what is not known', () => {
    expect(annotation({ file: 'content/sources/a.mdx', message: 'm' })).toBe('::error file=content/sources/a.mdx,title=Content problem::m');
    expect(annotation({ file: 'a.mdx', line: 3, message: 'm' })).toBe('::error file=a.mdx,line=3,title=Content problem::m');
    expect(problemTitle({ file: 'a', field: '(body)', message: 'm' })).toBe('Content problem in (body)');
  });
});
