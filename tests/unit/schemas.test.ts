import { describe, expect, it } from 'vitest';
import { actorSchema, eventSchema, outletSchema, plainReference, sourceSchema, explainerSchema } from '../../src/content/schemas';
import { formatSchemaIssues } from '../../src/content/checks/issues';

const source = sourceSchema(plainReference);
const valid = {
  title: 'T', outlet: 'o', date: '2025-03-19', datePrecision: 'day', kind: 'analysis', language: 'en', summary: 'S',
};
const messages = (schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: any[] } } }, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : formatSchemaIssues('f.mdx', r.error!.issues);
};

describe('source schema', () => {
  it('accepts a minimal valid source and turns ids into references', () => {
    const r = source.parse(valid);
    expect(r.outlet).toEqual({ collection: 'outlets', id: 'o' });
    expect(r.quotes).toEqual([]);
  });

  it('accepts a YAML date object and keeps the calendar day', () => {
    expect(source.parse({ ...valid, date: new Date('2025-03-19T00:00:00Z') }).date).toBe('2025-03-19');
  });

  it('rejects an impossible day, a bad enum, a bad URL and a missing date note', () => {
    expect(messages(source, { ...valid, date: '2025-02-30' })).toEqual([
      'f.mdx:1:1: date: expected a day that exists in the calendar (check the month and day)',
    ]);
    expect(messages(source, { ...valid, kind: 'blog' })[0]).toMatch(/^f\.mdx:1:1: kind: expected one of: news report/);
    expect(messages(source, { ...valid, url: 'javascript:alert(1)' })[0]).toMatch(/^f\.mdx:1:1: url: expected a full http\(s\) URL/);
    expect(messages(source, { ...valid, date: '2025-03', datePrecision: 'approximate' })).toEqual([
      'f.mdx:1:1: dateNote: a date that is not printed to the day needs a dateNote giving the evidence for it',
    ]);
  });

  it('rejects duplicate quote ids, naming the second', () => {
    const quote = { id: 'q', speaker: 'a', text: 'x', context: 'c' };
    expect(messages(source, { ...valid, quotes: [quote, quote] })).toEqual([
      'f.mdx:1:1: quotes[1].id: duplicate quote id "q"; each quote in a source needs its own id',
    ]);
  });
});

describe('other schemas', () => {
  it('requires evidence for an unknown outlet', () => {
    expect(messages(outletSchema, { name: 'Unknown', kind: 'unknown', description: 'd' })).toEqual([
      'f.mdx:1:1: evidence: an unknown outlet needs evidence: what in the text shows the publisher cannot be named',
    ]);
  });

  it('requires an event to be supported by a source or a document', () => {
    const event = eventSchema(plainReference);
    expect(messages(event, { title: 't', date: '2015', datePrecision: 'year', description: 'd' })[0]).toMatch(
      /sources: an event needs at least one entry/,
    );
  });

  it('defaults actor aliases and checks explainer update dates', () => {
    expect(actorSchema.parse({ name: 'A', role: 'r', country: 'c', description: 'd' }).aliases).toEqual([]);
    const explainer = explainerSchema(plainReference);
    expect(messages(explainer, { title: 't', summary: 's', updated: '2025-03', order: 1 })).toEqual([
      'f.mdx:1:1: updated: expected a full day, YYYY-MM-DD',
    ]);
  });
});
