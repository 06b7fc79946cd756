/**
 * Names and their variants. Pagefind has no synonyms, so at build time we find which actors,
 * places and glossary terms a page mentions (by any of their names) and index every name of
 * each as hidden metadata: "Lukashenka" then finds a page that only says "Lukashenko".
 * Everything here is driven by the content data (name + aliases); no name is written in code.
 */

export const entityKinds = ['actor', 'place', 'term'] as const;
export type EntityKind = (typeof entityKinds)[number];

/** An actor, place or glossary term: one canonical name and the variants readers type. */
export interface NamedEntity {
  kind: EntityKind;
  id: string;
  name: string;
  aliases: readonly string[];
  /** An actor who is a person: a query may name them by the last word of any of their names. */
  person?: boolean;
}

/** Every name of an entity, canonical first, without repeats. */
export function namesOf(entity: NamedEntity): string[] {
  return [...new Set([entity.name, ...entity.aliases])];
}

/** The words of a text, accents stripped (İstanbul → Istanbul), punctuation dropped, case kept. */
export function wordsOf(text: string): string[] {
  const decomposed = text.normalize('NFKD');
  // Most pages have no accent at all: test before rewriting the whole text.
  const plain = /\p{M}/u.test(decomposed) ? decomposed.replace(/\p{M}+/gu, '') : decomposed;
  return plain.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Short all-capital names ("US", "EU", "U.S.") are compared with their case, so the pronoun
 * "us" does not mention the United States; every other name is compared without case or accents.
 */
function isShortAcronym(name: string): boolean {
  const letters = wordsOf(name).join('');
  return letters.length > 0 && letters.length <= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** The form names are compared in: words joined by single spaces, lowercased unless a short acronym. */
function keyOf(name: string): string {
  const w = wordsOf(name).join(' ');
  return isShortAcronym(name) ? w : w.toLowerCase();
}

/**
 * Finds the entities a text mentions. Names match whole words only, so "Kiev" is not found in
 * "Kievan" and "Rus" is not found in "Russia" (unlike Pagefind's prefix matching); a
 * multi-word name must appear with its words in order ("Alyaksandr Lukashenka").
 */
export function entityDetector(entities: readonly NamedEntity[]): (text: string) => NamedEntity[] {
  const byKey = new Map<string, NamedEntity[]>();
  let longest = 1;
  for (const entity of entities) {
    for (const name of namesOf(entity)) {
      const key = keyOf(name);
      if (!key) continue;
      longest = Math.max(longest, key.split(' ').length);
      const list = byKey.get(key) ?? [];
      if (!list.includes(entity)) list.push(entity);
      byKey.set(key, list);
    }
  }
  // A name can only start at a word that starts some name: every other word is skipped at once,
  // which keeps detection cheap on long pages (it runs on every indexed page of the build).
  const firstWords = new Set([...byKey.keys()].map((key) => key.split(' ')[0]!));
  return (text) => {
    const original = wordsOf(text);
    const lower = original.map((w) => w.toLowerCase());
    const found = new Set<NamedEntity>();
    const add = (e: NamedEntity) => found.add(e);
    // The names that start at word `start`, read in `tokens` (lowercased, or as written for acronyms).
    const namesFrom = (start: number, tokens: readonly string[]) => {
      let key = tokens[start]!;
      if (!firstWords.has(key)) return;
      byKey.get(key)?.forEach(add);
      for (let end = start + 1; end < start + longest && end < tokens.length; end++) {
        key = `${key} ${tokens[end]}`;
        byKey.get(key)?.forEach(add);
      }
    };
    for (let start = 0; start < original.length; start++) {
      namesFrom(start, lower);
      namesFrom(start, original);
    }
    return entities.filter((e) => found.has(e));
  };
}

/**
 * The entities one of whose names is exactly `text`, ignoring case and accents: "kiev" → Kyiv.
 * A reader's query is short and deliberate, so here "eu" does name the European Union.
 */
export function entitiesNamed(text: string, entities: readonly NamedEntity[]): NamedEntity[] {
  const key = keyOf(text).toLowerCase();
  return key ? entities.filter((e) => namesOf(e).some((name) => keyOf(name).toLowerCase() === key)) : [];
}

/**
 * The entities `text` names, as entitiesNamed, or, for one word, the people whose name in some
 * spelling ends with it: "Preigerman" (from "Yevgeny Preigerman"), "Лукашенко" (from
 * "Александр Лукашенко"). Only for reading a query: a surname on its own in a page's text may be
 * someone else's.
 */
export function entitiesCalled(text: string, entities: readonly NamedEntity[]): NamedEntity[] {
  const named = entitiesNamed(text, entities);
  const words = wordsOf(text);
  if (named.length > 0 || words.length !== 1 || words[0]!.length < 3) return named;
  const key = words[0]!.toLowerCase();
  return entities.filter((e) => e.person && namesOf(e).some((name) => {
    const parts = wordsOf(name);
    return parts.length > 1 && parts.at(-1)!.toLowerCase() === key;
  }));
}

/**
 * Every other way of writing what `text` names, for highlighting and for telling a reader why a
 * page matched: aliasesFor("Lugansk") → ["Luhansk", "Luhansk region", …]. Empty when `text` is
 * not a known name.
 */
export function aliasesFor(text: string, entities: readonly NamedEntity[]): string[] {
  const key = keyOf(text).toLowerCase();
  const all = entitiesCalled(text, entities).flatMap(namesOf);
  return [...new Set(all)].filter((name) => keyOf(name).toLowerCase() !== key);
}

/**
 * The other names of whatever a query names: the whole query, or any one word of it
 * ("Lukashenka talks" → "Alexander Lukashenko", "Lukashenko", …). For highlighting.
 */
export function aliasesInQuery(query: string, entities: readonly NamedEntity[]): string[] {
  return [...new Set([query, ...wordsOf(query)].flatMap((text) => aliasesFor(text, entities)))];
}

/**
 * The hidden metadata a page gets: every word of every name of every entity it mentions, once
 * each whatever its case ("Kyiv Kiev Київ"). Pagefind matches words, so a repeated word ("Lukashenko"
 * in six spellings of the name) would only make the page's result data larger, which a reader
 * fetches for every result shown. Words are kept as written, for Pagefind to read as it reads the page.
 */
export function aliasText(mentioned: readonly NamedEntity[]): string {
  const words = new Map<string, string>();
  for (const word of mentioned.flatMap(namesOf).flatMap((name) => name.split(/\s+/))) {
    if (word && !words.has(word.toLowerCase())) words.set(word.toLowerCase(), word);
  }
  return [...words.values()].join(' ');
}

/** Whether a page's alias metadata (aliasText) has every word of `name`: the page mentions it. */
export function aliasTextHas(text: string, name: string): boolean {
  const words = new Set(text.toLowerCase().split(/\s+/));
  return name.toLowerCase().split(/\s+/).every((word) => !word || words.has(word));
}

/**
 * The source of the functions detection runs, for caches of its results (src/features/search/mention-cache.ts):
 * a change to any of them makes every cached result stale.
 */
export const detectionCode = [namesOf, wordsOf, isShortAcronym, keyOf, entityDetector].map(String).join('\n');
