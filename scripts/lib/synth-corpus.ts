import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { outletKinds, provenanceFlags, referenceKinds, sourceKinds } from '../../src/content/schemas';
import { createRandom, type Random } from './prng';

/**
 * A synthetic content tree for build benchmarks: N sources with realistic bodies (600–1,500 words
 * of varied prose), quotes and provenance, plus the actors (with aliases), outlets, places, events,
 * glossary terms, primary documents and explainers (citing sources with <Cite>/<Quote>/<Variants>)
 * they reference. Everything is fictional and comes from one seeded random source, so a seed always
 * gives the same corpus.
 */
export interface SynthOptions {
  sources: number;
  seed?: number;
}

/** One file of the corpus, its path relative to the content directory ("sources/x.mdx"). */
export interface SynthFile {
  path: string;
  text: string;
}

/** How many entries of each collection go with N sources: the proportions of a grown archive. */
export function corpusShape(sources: number) {
  return {
    sources,
    outlets: 8 + Math.ceil(sources / 100),
    actors: 30 + Math.ceil(sources / 20),
    places: 12 + Math.ceil(sources / 200),
    references: 10 + Math.ceil(sources / 200),
    glossary: 20 + Math.ceil(sources / 100),
    events: Math.ceil(sources / 2),
    explainers: 3 + Math.floor(sources / 500),
  };
}

const stopWords = [
  'the', 'of', 'and', 'to', 'in', 'a', 'that', 'is', 'for', 'on', 'with', 'as', 'by', 'was', 'it', 'at',
  'from', 'be', 'this', 'which', 'not', 'has', 'but', 'have', 'their', 'were', 'an', 'or', 'its', 'had',
  'would', 'after', 'between', 'over', 'both', 'while', 'since', 'than', 'most', 'also',
];

const domainWords = [
  'talks', 'negotiations', 'ceasefire', 'agreement', 'venue', 'summit', 'delegation', 'mediator', 'neutrality',
  'border', 'security', 'guarantees', 'sanctions', 'memorandum', 'protocol', 'withdrawal', 'observers', 'mission',
  'contact', 'group', 'meeting', 'offer', 'proposal', 'statement', 'interview', 'analysis', 'president', 'minister',
  'foreign', 'ministry', 'government', 'parliament', 'election', 'opposition', 'capital', 'region', 'frontline',
  'artillery', 'prisoners', 'exchange', 'humanitarian', 'corridor', 'economy', 'trade', 'transit', 'pipeline',
  'energy', 'grain', 'port', 'railway', 'airport', 'embassy', 'diplomats', 'envoy', 'spokesman', 'spokeswoman',
  'agency', 'newspaper', 'broadcast', 'channel', 'report', 'sources', 'officials', 'experts', 'analysts', 'observers',
  'claims', 'denied', 'confirmed', 'announced', 'proposed', 'rejected', 'accepted', 'hosted', 'signed', 'violated',
  'implemented', 'postponed', 'resumed', 'suspended', 'demanded', 'warned', 'argued', 'suggested', 'insisted',
  'reported', 'quoted', 'stressed', 'noted', 'recalled', 'described', 'welcomed', 'criticised', 'questioned',
  'peace', 'war', 'conflict', 'escalation', 'de-escalation', 'stability', 'sovereignty', 'territory', 'integrity',
  'alliance', 'union', 'treaty', 'framework', 'roadmap', 'settlement', 'status', 'autonomy', 'referendum',
  'constitution', 'reform', 'amnesty', 'elections', 'monitoring', 'verification', 'inspection', 'deployment',
  'troops', 'exercises', 'manoeuvres', 'missiles', 'weapons', 'drones', 'air', 'defence', 'navy', 'army',
  'military', 'political', 'diplomatic', 'economic', 'regional', 'international', 'bilateral', 'trilateral',
  'multilateral', 'western', 'eastern', 'european', 'neighbouring', 'northern', 'southern', 'formal', 'informal',
  'direct', 'indirect', 'public', 'private', 'official', 'unofficial', 'reliable', 'unverified', 'anonymous',
  'early', 'late', 'previous', 'next', 'first', 'second', 'third', 'final', 'new', 'old', 'long', 'short',
  'week', 'month', 'year', 'morning', 'evening', 'spring', 'summer', 'autumn', 'winter', 'decade', 'round',
  'session', 'format', 'channel', 'platform', 'dialogue', 'pressure', 'leverage', 'credibility',
  'legitimacy', 'recognition', 'isolation', 'dependence', 'balance', 'position', 'role', 'interest', 'interests',
  'risk', 'risks', 'threat', 'threats', 'assurance', 'assurances', 'commitment', 'commitments', 'obligations',
  'deadline', 'timetable', 'sequence', 'compromise', 'concession', 'concessions', 'demands', 'conditions',
  'readiness', 'willingness', 'hospitality', 'palace', 'residence', 'hall', 'table', 'cameras', 'journalists',
  'translation', 'wording', 'version', 'text', 'draft', 'clause', 'article', 'paragraph', 'annex', 'signature',
  'veterans', 'villages', 'towns', 'cities', 'refugees', 'families', 'farmers', 'workers', 'students', 'voters',
];

const topics = [
  'minsk-agreements', 'situational-neutrality', '2025-offer', 'good-offices', 'trilateral-contact-group',
  'ceasefire', 'sanctions', 'border-security', 'escalation', 'prisoner-exchange', 'energy-transit',
  'elections', 'media', 'peacekeeping', 'normandy-format', 'osce', 'humanitarian', 'union-state',
];

const syllables = [
  'ka', 'ro', 'vi', 'sha', 'len', 'mir', 'dan', 'tes', 'bor', 'nel', 'gra', 'zu', 'pol', 'vek', 'ta', 'li',
  'mos', 'ser', 'han', 'dro', 'chy', 'ul', 'an', 'ev', 'ost', 'ri', 'na', 'byl', 'kov', 'yu', 'zha', 'et',
  'ma', 'sk', 'ir', 'op', 'lus', 'dav', 'gen', 'tsa',
];

/** A rare-word lexicon far larger than the common vocabulary, so the search index grows as it would. */
const lexiconSize = 60_000;

/** The i-th invented word: short for common ranks, longer for rare ones. */
function inventedWord(i: number): string {
  let n = i + syllables.length;
  let word = '';
  while (n > 0) {
    word += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  }
  return word;
}

const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
const slugify = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const firstNames = [
  'Alyaksandr', 'Viktar', 'Sviatlana', 'Mikalai', 'Andrei', 'Olena', 'Taras', 'Dzmitry', 'Iryna', 'Pavel',
  'Kiryl', 'Hanna', 'Volha', 'Siarhei', 'Yuliya', 'Maksim', 'Natallia', 'Ihar', 'Tatsiana', 'Raman',
];
const surnameEndings = ['enka', 'ich', 'ski', 'uk', 'ovich', 'euski', 'chyk', 'ava'];

/** Transliteration variants a reader might type: Belarusian and Russian forms of the same name. */
const variantRules: Array<[RegExp, string]> = [
  [/^Alyaksandr/, 'Aleksandr'], [/^Viktar/, 'Viktor'], [/^Mikalai/, 'Nikolai'], [/^Dzmitry/, 'Dmitri'],
  [/^Siarhei/, 'Sergei'], [/^Volha/, 'Olga'], [/^Tatsiana/, 'Tatiana'], [/^Hanna/, 'Anna'], [/^Ihar/, 'Igor'],
  [/^Kiryl/, 'Kirill'], [/^Natallia/, 'Natalia'], [/^Yuliya/, 'Julia'], [/^Raman/, 'Roman'], [/^Sviatlana/, 'Svetlana'],
  [/enka\b/, 'enko'], [/ich\b/, 'ych'], [/ski\b/, 'sky'], [/eu/, 'ev'], [/chyk\b/, 'chik'],
];

interface Named {
  id: string;
  name: string;
  aliases: string[];
}

interface SourceStub {
  id: string;
  quoteIds: string[];
}

/** Prose from a seeded source: common words, domain words, rare invented words and named entities. */
class Prose {
  constructor(private readonly random: Random) {}

  /** Other spellings of names, which plain prose must not happen to write (they are quoted when used). */
  private readonly reserved = new Set<string>();
  reserve(spellings: readonly string[]): void {
    for (const s of spellings) this.reserved.add(s.toLowerCase());
  }

  word(): string {
    const r = this.random.next();
    if (r < 0.42) return this.random.pick(stopWords);
    if (r < 0.8) return this.random.pick(domainWords);
    const word = inventedWord(this.random.zipf(lexiconSize));
    return this.reserved.has(word) ? this.word() : word;
  }

  /** A sentence of min–max words; names, when given, are mentioned now and then by any of their forms (others quoted). */
  sentence(min = 8, max = 26, names: Named[] = []): string {
    const count = this.random.int(min, max);
    const words: string[] = [];
    for (let i = 0; i < count; i++) {
      if (names.length && this.random.chance(0.025)) {
        const named = this.random.pick(names);
        const form = this.random.chance(0.7) ? named.name : this.random.pick([named.name, ...named.aliases]);
        // Another spelling appears as the source printed it, in quotation marks (EDITORIAL.md, names).
        words.push(form === named.name ? form : `“${form}”`);
      } else {
        words.push(this.word());
      }
      if (i > 2 && i < count - 2 && this.random.chance(0.07)) words[words.length - 1] += ',';
    }
    words[0] = capitalize(words[0]!);
    return `${words.join(' ')}${this.random.chance(0.04) ? '?' : '.'}`;
  }

  paragraph(names: Named[], min = 3, max = 7): string {
    return Array.from({ length: this.random.int(min, max) }, () => this.sentence(8, 26, names)).join(' ');
  }

  title(min = 4, max = 9): string {
    return Array.from({ length: this.random.int(min, max) }, () => {
      const r = this.random.next();
      return capitalize(r < 0.6 ? this.random.pick(domainWords) : inventedWord(this.random.zipf(2_000)));
    }).join(' ');
  }
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

function randomDate(random: Random, fromYear = 2014, toYear = 2025) {
  const year = random.int(fromYear, toYear);
  const month = twoDigits(random.int(1, 12));
  const day = twoDigits(random.int(1, 28));
  const r = random.next();
  if (r < 0.8) return { date: `${year}-${month}-${day}`, datePrecision: 'day' as const };
  const dateNote = 'Not printed in the text; inferred from the events it reports.';
  if (r < 0.9) return { date: `${year}-${month}`, datePrecision: 'month' as const, dateNote };
  if (r < 0.95) return { date: `${year}`, datePrecision: 'year' as const, dateNote };
  return { date: `${year}-${month}`, datePrecision: 'approximate' as const, dateNote };
}

/** A day of the given year, as "YYYY-MM-DD". */
const randomDay = (random: Random, year: number) => `${year}-${twoDigits(random.int(1, 12))}-${twoDigits(random.int(1, 28))}`;

const yamlFile = (path: string, data: unknown): SynthFile => ({ path, text: stringify(data) });
const mdxFile = (path: string, data: unknown, body: string): SynthFile => ({
  path,
  text: `---\n${stringify(data)}---\n\n${body}\n`,
});

/** The seeded random source and the prose drawn from it, shared by every collection in generation order. */
interface Synth {
  random: Random;
  prose: Prose;
}

type Actor = Named & { person: boolean };

/** The entries generated so far, which the later collections link to. */
interface Entries {
  outlets: string[];
  actors: Actor[];
  places: Named[];
  references: string[];
  sources: SourceStub[];
}

/** The id of the i-th entry of a collection: its first six slug words, numbered so that none repeats. */
const entryId = (base: string, i: number) => `${slugify(base).split('-').slice(0, 6).join('-')}-${i + 1}`;

/** A capitalised invented word among the `ranks` most common, for a proper name. */
const inventedName = (random: Random, ranks: number) => capitalize(inventedWord(random.zipf(ranks)));

/** A few actors are in most of the news, as in the real archive: pick by rank, the top ones most often. */
function someActors(random: Random, pool: readonly Actor[], min: number, max: number): Actor[] {
  return [...new Set(Array.from({ length: random.int(min, max) }, () => pool[random.zipf(pool.length)]!))];
}

/** The files of a synthetic corpus, one at a time, so that a corpus of any size never sits in memory whole. */
export function* synthCorpus({ sources: sourceCount, seed = 1 }: SynthOptions): Generator<SynthFile> {
  const random = createRandom(seed);
  const synth: Synth = { random, prose: new Prose(random) };
  const shape = corpusShape(sourceCount);
  // Each collection draws from the random source in turn, so this order is part of what a seed gives.
  const outlets = yield* outletFiles(synth, shape.outlets);
  const actors = yield* actorFiles(synth, shape.actors);
  const places = yield* placeFiles(synth, shape.places);
  const references = yield* referenceFiles(synth, shape.references, actors);
  const sources = yield* sourceFiles(synth, shape.sources, { outlets, actors, places });
  const entries: Entries = { outlets, actors, places, references, sources };
  yield* glossaryFiles(synth, shape.glossary, entries);
  yield* eventFiles(synth, shape.events, entries);
  yield* explainerFiles(synth, shape.explainers, entries);
}

/** The outlets; returns their ids. */
function* outletFiles({ random, prose }: Synth, count: number): Generator<SynthFile, string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${inventedName(random, 3_000)} ${random.pick(['Daily', 'Review', 'Monitor', 'Herald', 'Digest', 'Observer', 'Agency', 'Journal'])}`;
    const id = entryId(name, i);
    ids.push(id);
    // The first outlet stands for the texts that do not name their publisher.
    const kind = i === 0 ? 'unknown' : random.pick(outletKinds.filter((k) => k !== 'unknown'));
    yield yamlFile(`outlets/${id}.yaml`, {
      name: i === 0 ? 'Unknown publisher' : name,
      kind,
      country: random.pick(['Belarus', 'Russia', 'Ukraine', 'Poland', 'Lithuania', 'United States', 'unknown']),
      ...(i > 0 && random.chance(0.5) ? { url: `https://${id}.example.org/` } : {}),
      description: prose.sentence(10, 24),
      ...(kind === 'unknown' ? { evidence: prose.sentence(10, 20) } : {}),
    });
  }
  return ids;
}

/** Persons, organisations and states with other spellings of their names, which prose then leaves to quotes. */
function* actorFiles({ random, prose }: Synth, count: number): Generator<SynthFile, Actor[]> {
  const actors: Actor[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i < 5 || random.chance(0.7) ? 'person' : random.pick(['organization', 'state'] as const);
    const invented = inventedName(random, 5_000);
    const name =
      kind === 'person'
        ? `${random.pick(firstNames)} ${invented}${random.pick(surnameEndings)}`
        : kind === 'organization'
          ? `${invented} ${random.pick(['Council', 'Institute', 'Commission', 'Foundation', 'Movement'])}`
          : `Republic of ${invented}`;
    const variant = variantRules.reduce((text, [from, to]) => text.replace(from, to), name);
    const aliases = [...new Set([variant, kind === 'person' ? name.split(' ')[1]! : invented])].filter((a) => a !== name);
    const id = entryId(name, i);
    actors.push({ id, name, aliases, person: kind === 'person' });
    prose.reserve(aliases);
    yield yamlFile(`actors/${id}.yaml`, {
      name,
      aliases,
      kind,
      role: prose.sentence(3, 8),
      country: random.pick(['Belarus', 'Russia', 'Ukraine', 'United States', 'Poland']),
      description: prose.sentence(12, 30),
    });
  }
  return actors;
}

/** Places with other spellings of their names, like the actors. */
function* placeFiles({ random, prose }: Synth, count: number): Generator<SynthFile, Named[]> {
  const places: Named[] = [];
  for (let i = 0; i < count; i++) {
    const name = inventedName(random, 4_000);
    const id = entryId(name, i);
    const aliases = [`${name}sk`, name.replace(/a/g, 'o')].filter((a) => a !== name);
    places.push({ id, name, aliases });
    prose.reserve(aliases);
    yield yamlFile(`places/${id}.yaml`, {
      name,
      aliases,
      kind: random.pick(['city', 'city', 'region', 'country'] as const),
      country: 'Belarus',
      coordinates: [Number((23.5 + random.next() * 8.5).toFixed(3)), Number((51.3 + random.next() * 4.9).toFixed(3))],
      description: prose.sentence(10, 24),
    });
  }
  return places;
}

/** Primary documents, issued by the organisations and states among the actors; returns their ids. */
function* referenceFiles({ random, prose }: Synth, count: number, actors: readonly Actor[]): Generator<SynthFile, string[]> {
  const issuers = actors.filter((a) => !a.person).map((a) => a.name).concat('Trilateral Contact Group');
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const title = `${prose.title(3, 6)} ${random.pick(['Protocol', 'Memorandum', 'Resolution', 'Declaration', 'Package'])}`;
    const id = entryId(title, i);
    ids.push(id);
    yield yamlFile(`references/${id}.yaml`, {
      title,
      issuer: random.pick(issuers),
      date: randomDay(random, random.int(2014, 2025)),
      datePrecision: 'day',
      kind: random.pick(referenceKinds),
      ...(random.chance(0.3) ? { url: `https://documents.example.org/${id}` } : {}),
      description: prose.sentence(12, 28),
    });
  }
  return ids;
}

/** The sources, each naming actors, quoting persons among them and mentioning places. */
function* sourceFiles(
  { random, prose }: Synth,
  count: number,
  { outlets, actors, places }: Pick<Entries, 'outlets' | 'actors' | 'places'>,
): Generator<SynthFile, SourceStub[]> {
  const persons = actors.filter((a) => a.person);
  const sources: SourceStub[] = [];
  for (let i = 0; i < count; i++) {
    const title = prose.title(5, 10);
    const id = entryId(title, i);
    const named = someActors(random, actors, 2, 8);
    const speakers = someActors(random, persons, 1, 3);
    const quotes = Array.from({ length: random.int(1, 5) }, (_, q) => ({
      id: `quote-${q + 1}`,
      speaker: random.pick(speakers).id,
      text: prose.sentence(12, 40, named),
      context: prose.sentence(8, 20),
    }));
    sources.push({ id, quoteIds: quotes.map((q) => q.id) });
    const mentioned = [...named, ...speakers, ...random.sample(places, 2)];
    yield mdxFile(`sources/${id}.mdx`, {
      title,
      outlet: outlets[random.zipf(outlets.length)],
      ...(random.chance(0.6) ? { authors: [`${random.pick(firstNames)} ${inventedName(random, 8_000)}${random.pick(surnameEndings)}`] } : {}),
      ...randomDate(random),
      kind: random.pick(sourceKinds),
      language: random.chance(0.85) ? 'en' : random.pick(['ru', 'be', 'uk']),
      ...(random.chance(0.5) ? { url: `https://news.example.org/${id}` } : {}),
      summary: `${prose.sentence(14, 30, named)} ${prose.sentence(10, 24, named)}`,
      actors: [...new Set([...named, ...speakers].map((a) => a.id))],
      topics: random.sample(topics, random.int(1, 4)),
      quotes,
      provenance: random.sample(provenanceFlags, random.int(0, 2)).map((flag) => ({ flag, note: prose.sentence(10, 24) })),
    }, sourceBody(random, prose, mentioned));
  }
  return sources;
}

/** Glossary terms, defined with sources and now and then a primary document. */
function* glossaryFiles(
  { random, prose }: Synth,
  count: number,
  { sources, references }: Pick<Entries, 'sources' | 'references'>,
): Generator<SynthFile, void> {
  for (let i = 0; i < count; i++) {
    const term = prose.title(1, 3);
    yield yamlFile(`glossary/${entryId(term, i)}.yaml`, {
      term,
      aliases: random.chance(0.5) ? [prose.title(1, 2)] : [],
      definition: prose.sentence(14, 40),
      sources: Array.from({ length: random.int(1, 3) }, () => random.pick(sources).id),
      references: random.chance(0.3) ? [random.pick(references)] : [],
    });
  }
}

/** Dated events, with the actors, place, sources and documents they involve. */
function* eventFiles(
  { random, prose }: Synth,
  count: number,
  { actors, places, sources, references }: Pick<Entries, 'actors' | 'places' | 'sources' | 'references'>,
): Generator<SynthFile, void> {
  for (let i = 0; i < count; i++) {
    const { dateNote: _note, ...date } = randomDate(random);
    const title = prose.title(4, 9);
    yield yamlFile(`events/${entryId(`${date.date}-${title}`, i)}.yaml`, {
      title,
      ...date,
      ...(random.chance(0.7) ? { place: random.pick(places).id } : {}),
      actors: someActors(random, actors, 1, 3).map((a) => a.id),
      sources: [...new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(sources).id))],
      references: random.chance(0.2) ? [random.pick(references)] : [],
      description: prose.sentence(10, 24),
    });
  }
}

/** Explainers, each citing a few dozen of the sources. */
function* explainerFiles(
  { random, prose }: Synth,
  count: number,
  { actors, sources }: Pick<Entries, 'actors' | 'sources'>,
): Generator<SynthFile, void> {
  for (let i = 0; i < count; i++) {
    const title = prose.title(4, 8);
    const cited = random.sample(sources, random.int(30, 60));
    const named = someActors(random, actors, 3, 8);
    yield mdxFile(`explainers/${entryId(title, i)}.mdx`, {
      title,
      summary: `${prose.sentence(16, 30, named)} ${prose.sentence(12, 24, named)}`,
      updated: randomDay(random, 2025),
      actors: named.map((a) => a.id),
      topics: random.sample(topics, random.int(2, 5)),
      order: i + 1,
    }, explainerBody(random, prose, named, cited));
  }
}

/** 600–1,500 words: an opening paragraph, key points, then sections in our words. */
function sourceBody(random: Random, prose: Prose, names: Named[]): string {
  const target = random.int(600, 1_470);
  const blocks = [prose.paragraph(names, 3, 5), '## Key points'];
  blocks.push(Array.from({ length: random.int(4, 7) }, () => `- ${prose.sentence(12, 26, names)}`).join('\n'));
  let words = blocks.join(' ').split(/\s+/).length;
  const headings = ['What the source says', 'Background', 'Who is quoted', 'How to read it'];
  let paragraph: string[] = [];
  while (words < target) {
    if (paragraph.length === 0 && headings.length && random.chance(0.4)) {
      const heading = `## ${headings.shift()}`;
      blocks.push(heading);
      words += 3;
    }
    const sentence = prose.sentence(8, 26, names);
    paragraph.push(sentence);
    words += sentence.split(' ').length;
    if (paragraph.length >= random.int(3, 7)) {
      blocks.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length) blocks.push(paragraph.join(' '));
  return blocks.join('\n\n');
}

/** 1,500–3,000 words in sections, about every third sentence cited, with quotes and one set of variants. */
function explainerBody(random: Random, prose: Prose, names: Named[], cited: SourceStub[]): string {
  const target = random.int(1_500, 3_000);
  const cite = () => random.pick(cited);
  const quote = (source: SourceStub) => random.pick(source.quoteIds);
  const parts: string[] = [];
  let words = 0;
  let section = 0;
  while (words < target) {
    parts.push(`## ${prose.title(2, 6)}`);
    for (let p = random.int(2, 4); p > 0; p--) {
      const sentences = Array.from({ length: random.int(3, 6) }, () => {
        const sentence = prose.sentence(10, 28, names);
        words += sentence.split(' ').length;
        if (random.chance(0.08)) {
          const source = cite();
          return `${sentence.slice(0, -1)}: <Quote inline source="${source.id}" id="${quote(source)}" />.`;
        }
        return random.chance(0.35) ? `${sentence}<Cite source="${cite().id}" />` : sentence;
      });
      parts.push(sentences.join(' '));
    }
    if (section % 2 === 1) {
      const source = cite();
      parts.push(`<Quote source="${source.id}" id="${quote(source)}" />`);
    }
    if (section === 2) {
      const [a, b] = [cite(), cite()];
      parts.push(
        `<Variants title="${prose.title(2, 5)}">\n  <Variant source="${a.id}" quote="${quote(a)}" />\n  <Variant source="${b.id}">${prose.sentence(10, 20)}</Variant>\n</Variants>`,
      );
    }
    section++;
  }
  return parts.join('\n\n');
}

/** Writes a corpus into `dir`, replacing whatever was there; returns how many files of each collection. */
export function writeCorpus(dir: string, options: SynthOptions): Record<string, number> {
  rmSync(dir, { recursive: true, force: true });
  const counts: Record<string, number> = {};
  for (const file of synthCorpus(options)) {
    const path = join(dir, file.path);
    const collection = file.path.split('/')[0]!;
    if (!counts[collection]) mkdirSync(dirname(path), { recursive: true });
    counts[collection] = (counts[collection] ?? 0) + 1;
    writeFileSync(path, file.text);
  }
  return counts;
}
