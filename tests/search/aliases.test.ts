import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aliasesFor, aliasText, aliasTextHas, entitiesNamed, entityDetector, namesOf, type NamedEntity } from '../../src/features/search/aliases';
import { loadContent } from '../../src/content/load-content';
import { root } from '../helpers/build';

const lukashenko: NamedEntity = {
  kind: 'actor', id: 'alexander-lukashenko', name: 'Alexander Lukashenko',
  aliases: ['Lukashenko', 'Lukashenka', 'Alyaksandr Lukashenka', 'Александр Лукашенко'],
};
const zelenskyy: NamedEntity = { kind: 'actor', id: 'volodymyr-zelenskyy', name: 'Volodymyr Zelenskyy', aliases: ['Zelenskyy', 'Zelensky'] };
const kyiv: NamedEntity = { kind: 'place', id: 'kyiv', name: 'Kyiv', aliases: ['Kiev', 'Київ'] };
const luhansk: NamedEntity = { kind: 'place', id: 'luhansk', name: 'Luhansk', aliases: ['Lugansk', 'Luhansk region'] };
const belarusActor: NamedEntity = { kind: 'actor', id: 'belarus', name: 'Belarus', aliases: ['Byelorussia', 'Republic of Belarus'] };
const belarusPlace: NamedEntity = { kind: 'place', id: 'belarus', name: 'Belarus', aliases: ['Byelorussia', 'Belorussia'] };
const us: NamedEntity = { kind: 'actor', id: 'united-states', name: 'United States', aliases: ['US', 'U.S.', 'USA'] };
const osce: NamedEntity = { kind: 'term', id: 'osce', name: 'OSCE', aliases: ['Organization for Security and Co-operation in Europe'] };
const istanbul: NamedEntity = { kind: 'place', id: 'istanbul', name: 'Istanbul', aliases: ['İstanbul'] };
const entities = [lukashenko, zelenskyy, kyiv, luhansk, belarusActor, belarusPlace, us, osce, istanbul];
const detect = entityDetector(entities);
const ids = (found: NamedEntity[]) => found.map((e) => `${e.kind}:${e.id}`);

describe('entity detection', () => {
  it('finds an entity by any of its names, in any case', () => {
    expect(ids(detect('President Lukashenka said so.'))).toEqual(['actor:alexander-lukashenko']);
    expect(ids(detect('LUKASHENKO spoke.'))).toEqual(['actor:alexander-lukashenko']);
    expect(ids(detect('Talks in Kiev and Lugansk'))).toEqual(['place:kyiv', 'place:luhansk']);
    expect(ids(detect('Александр Лукашенко'))).toEqual(['actor:alexander-lukashenko']);
  });

  it('matches whole words only: no prefix or substring matches', () => {
    expect(detect('Kievan Rus and the Zelenskyyite faction')).toEqual([]);
    expect(detect('Belarusian officials')).toEqual([]);
    expect(detect('nothing here bears on Byelo')).toEqual([]);
  });

  it('needs every word of a multi-word name, in order', () => {
    expect(ids(detect('Alyaksandr spoke'))).toEqual([]);
    expect(ids(detect('the Organization for Security and Co-operation in Europe'))).toEqual(['term:osce']);
    expect(ids(detect('Security and Europe'))).toEqual([]);
  });

  it('reads through punctuation, possessives and accents', () => {
    expect(ids(detect("Zelensky's visit; (Kyiv)."))).toEqual(['actor:volodymyr-zelenskyy', 'place:kyiv']);
    expect(ids(detect('a meeting in istanbul'))).toEqual(['place:istanbul']);
    expect(ids(detect('a meeting in İstanbul'))).toEqual(['place:istanbul']);
  });

  it('compares short all-capital names with their case, so "us" is not the United States', () => {
    expect(detect('Let us talk.')).toEqual([]);
    expect(ids(detect('The US and the U.S. position'))).toEqual(['actor:united-states']);
    expect(ids(detect('the osce mission'))).toEqual(['term:osce']);
  });

  it('finds every entity that shares a name', () => {
    expect(ids(detect('Byelorussia'))).toEqual(['actor:belarus', 'place:belarus']);
  });
});

describe('aliasesFor', () => {
  it('gives every other name, both directions', () => {
    expect(aliasesFor('Lukashenko', entities)).toEqual(['Alexander Lukashenko', 'Lukashenka', 'Alyaksandr Lukashenka', 'Александр Лукашенко']);
    expect(aliasesFor('lukashenka', entities)).toContain('Lukashenko');
    expect(aliasesFor('Zelensky', entities)).toContain('Zelenskyy');
    expect(aliasesFor('Zelenskyy', entities)).toContain('Zelensky');
    expect(aliasesFor('Kiev', entities)).toContain('Kyiv');
    expect(aliasesFor('Kyiv', entities)).toContain('Kiev');
    expect(aliasesFor('Lugansk', entities)).toContain('Luhansk');
    expect(aliasesFor('Luhansk', entities)).toContain('Lugansk');
    expect(aliasesFor('Byelorussia', entities)).toEqual(expect.arrayContaining(['Belarus', 'Belorussia', 'Republic of Belarus']));
    expect(aliasesFor('Belarus', entities)).toContain('Byelorussia');
  });

  it('is empty for a word that is not a whole name', () => {
    expect(aliasesFor('Kievan', entities)).toEqual([]);
    expect(aliasesFor('Alyaksandr', entities)).toEqual([]);
    expect(aliasesFor('', entities)).toEqual([]);
    expect(entitiesNamed('   ', entities)).toEqual([]);
  });
});

describe('aliasText', () => {
  it('lists every word of every name of every mentioned entity once, whatever its case', () => {
    const text = aliasText([belarusActor, belarusPlace]);
    expect(text.split(' ')).toEqual(['Belarus', 'Byelorussia', 'Republic', 'of', 'Belorussia']);
  });

  it('tells which names the metadata holds, by their words', () => {
    const text = aliasText([belarusActor]);
    expect(aliasTextHas(text, 'Republic of Belarus')).toBe(true);
    expect(aliasTextHas(text, 'republic of belarus')).toBe(true);
    expect(aliasTextHas(text, 'Republic of Moldova')).toBe(false);
  });
});

describe('the content data', () => {
  const { entries } = loadContent(join(root, 'content'), root);
  const named = entries.flatMap((e): NamedEntity[] => {
    const d = e.data as { name?: string; term?: string; aliases?: string[] };
    if (e.collection === 'actors') return [{ kind: 'actor', id: e.id, name: d.name!, aliases: d.aliases ?? [] }];
    if (e.collection === 'places') return [{ kind: 'place', id: e.id, name: d.name!, aliases: d.aliases ?? [] }];
    if (e.collection === 'glossary') return [{ kind: 'term', id: e.id, name: d.term!, aliases: d.aliases ?? [] }];
    return [];
  });
  const detectContent = entityDetector(named);

  it('lets every recorded name of every actor, place and term be detected', () => {
    const missed = named.flatMap((entity) =>
      namesOf(entity).filter((name) => !detectContent(`Text about ${name}.`).includes(entity)).map((name) => `${entity.kind}/${entity.id}: "${name}"`),
    );
    expect(missed).toEqual([]);
  });
});
