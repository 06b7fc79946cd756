import { describe, expect, it } from 'vitest';
import { loadContent, parseContentFile, schemas } from '../../src/content/load-content';
import { buildData, fieldsOf, kinds, renderEntry, scaffoldDefaults, slugFor, validateData, valueOf } from '../../scripts/lib/scaffold';
import { fixtureContent } from '../helpers/build';

const { entries } = loadContent(fixtureContent);

describe('scaffold logic', () => {
  it('reads every collection\'s fields from the schemas, with flags, types and descriptions', () => {
    const { fields, structured } = fieldsOf('sources');
    const byName = Object.fromEntries(fields.map((f) => [f.name, f]));
    expect(byName.datePrecision).toMatchObject({ flag: 'date-precision', type: 'enum', required: true });
    expect(byName.datePrecision!.options).toEqual(['day', 'month', 'year', 'approximate']);
    expect(byName.outlet).toMatchObject({ type: 'reference', reference: 'outlets', required: true });
    expect(byName.actors).toMatchObject({ type: 'references', reference: 'actors', required: false, listDefault: true });
    expect(byName.authors).toMatchObject({ type: 'list', required: false });
    expect(byName.authors!.listDefault).toBeUndefined();
    expect(byName.date!.type).toBe('date');
    expect(structured.map((s) => s.name)).toEqual(['quotes', 'provenance']);
    for (const collection of Object.values(kinds)) {
      for (const field of fieldsOf(collection).fields) expect(field.description, `${collection}.${field.name}`).not.toBe('');
    }
  });

  it('derives the slug from the title; events lead with their date', () => {
    expect(slugFor('sources', { title: 'Lukashenka: “Minsk is ready” — again!' })).toBe('lukashenka-minsk-is-ready-again');
    expect(slugFor('actors', { name: 'Alyaksandr Łukašenka' })).toBe('alyaksandr-lukasenka');
    expect(slugFor('glossary', { term: 'Good offices' })).toBe('good-offices');
    expect(slugFor('events', { title: 'Minsk II signed', date: '2015-02-12' })).toBe('2015-02-12-minsk-ii-signed');
  });

  it('turns typed answers into values: lists split on commas, numbers parsed, empty left out', () => {
    const { fields } = fieldsOf('places');
    const field = (name: string) => fields.find((f) => f.name === name)!;
    expect(valueOf(field('aliases'), 'Kiev, Kiew ,')).toEqual(['Kiev', 'Kiew']);
    expect(valueOf(field('aliases'), ['Kiev', 'Kiew'])).toEqual(['Kiev', 'Kiew']);
    expect(valueOf(field('aliases'), undefined)).toEqual([]);
    expect(valueOf(field('coordinates'), '30.52, 50.45')).toEqual([30.52, 50.45]);
    expect(valueOf(field('country'), '  ')).toBeUndefined();
    const turningPoint = fieldsOf('events').fields.find((f) => f.name === 'turningPoint')!;
    expect(turningPoint).toMatchObject({ flag: 'turning-point', type: 'boolean', required: false, options: ['true', 'false'] });
    expect(valueOf(turningPoint, 'true')).toBe(true);
    expect(valueOf(turningPoint, 'false')).toBe(false);
    const typo = buildData('events', { title: 'T', date: '2025-03', datePrecision: 'month', description: 'D', sources: 'first-report', turningPoint: 'yes' });
    expect(validateData('events', 'e', typo, entries)).toEqual([{ field: 'turningPoint', path: 'turningPoint', message: 'expected true or false' }]);
  });

  it('validates as the build does, naming the field, and checks that references exist', () => {
    const data = buildData('sources', {
      title: 'A report', outlet: 'test-agenci', date: '2025-03-19', datePrecision: 'day', kind: 'news report',
      language: 'en', summary: 'Short.', actors: 'ann-speaker',
    });
    expect(validateData('sources', 'a-report', data, entries)).toEqual([
      { field: 'outlet', path: 'outlet', message: expect.stringMatching(/unknown outlets id "test-agenci".*Did you mean "test-agency"/) },
    ]);
    const missing = validateData('sources', 'x', buildData('sources', { title: 'A report' }), entries);
    expect(missing).toContainEqual({ field: 'summary', path: 'summary', message: 'required' });
    const mismatch = buildData('events', { title: 'T', date: '2025-03', datePrecision: 'day', description: 'D', sources: 'first-report' });
    expect(validateData('events', 'e', mismatch, entries)[0]?.message).toMatch(/datePrecision is "day" but date "2025-03"/);
  });

  it('renders a file that parses back to the same data and passes the schema', () => {
    const answers = {
      title: 'A report', outlet: 'test-agency', date: '2025-03-19', datePrecision: 'day', kind: 'news report',
      language: 'en', summary: 'Short: with a colon, "quotes" and # a hash.', actors: 'ann-speaker',
    };
    const data = buildData('sources', answers);
    const text = renderEntry('sources', data);
    expect(text).toMatch(/^---\n[\s\S]*\n---\n/);
    expect(text).toContain('# quotes: Quotations the explainers may use, verbatim. Each item:');
    const parsed = parseContentFile(text, '.mdx');
    expect(parsed.data).toEqual(data);
    expect(schemas.sources.safeParse(parsed.data).success).toBe(true);
    expect(parsed.body).toContain('## Key points');
    const actor = renderEntry('actors', buildData('actors', { name: 'N', role: 'R', country: 'C', description: 'D' }));
    expect(actor.startsWith('name: N\n')).toBe(true);
    expect(schemas.actors.safeParse(parseContentFile(actor, '.yaml').data).success).toBe(true);
  });

  it('fills in today and the next reading position for an explainer', () => {
    expect(scaffoldDefaults('explainers', entries, new Date('2025-05-06T12:00:00Z'))).toEqual({ updated: '2025-05-06', order: '2' });
    expect(scaffoldDefaults('sources', entries)).toEqual({ language: 'en' });
  });
});
