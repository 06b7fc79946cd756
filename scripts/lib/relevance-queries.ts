import { entitiesNamed, entityKinds, namesOf } from '../../src/features/search/aliases';
import type { SearchVocabulary } from '../../src/features/search/vocabulary';
import { paths } from '../../src/content/urls';

/**
 * The relevance benchmark's queries on the real site: what a reader would type, and the pages
 * that should come first, judged from content/ (`npm run bench:search`, tests/search/relevance.test.ts).
 * `expect` lists site paths without the deploy base; a query is answered at the rank of the first
 * of them in the results. Several pages are listed when any of them is a right first answer.
 * A change of content may move a page: then judge the query again, do not just drop it.
 */
export interface RelevanceQuery {
  /** What the reader types. */
  query: string;
  /** The pages that should come first (any of them), as site paths: "actors/dmitry-peskov/". */
  expect: readonly string[];
  /** Why those pages, from the content. */
  why: string;
}

const lukashenko = 'actors/alexander-lukashenko/';
const explainers = ['explainers/the-2025-offer/', 'explainers/belarus-situational-neutrality/', 'explainers/the-minsk-agreements/'];

export const relevanceQueries: readonly RelevanceQuery[] = [
  // Names, in every spelling: the entity's own page first (or an explainer that is about it).
  { query: 'Lukashenka', expect: [lukashenko, ...explainers], why: 'His actor page; all three explainers are largely about him, though they spell him Lukashenko.' },
  { query: 'Lukashenko', expect: [lukashenko, ...explainers], why: 'Canonical spelling: the same pages as "Lukashenka".' },
  { query: 'Alyaksandr Lukashenka', expect: [lukashenko], why: 'His full name in Belarusian transliteration, an alias on his actor page.' },
  { query: 'Лукашенко', expect: [lukashenko], why: 'Russian Cyrillic, part of the alias "Александр Лукашенко".' },
  { query: 'Zelenskiy', expect: ['actors/volodymyr-zelenskyy/', 'explainers/the-2025-offer/'], why: 'Alias on his actor page; the 2025 explainer, about the offer to him, Trump and Putin, names him most (15 times).' },
  { query: 'Zelensky', expect: ['actors/volodymyr-zelenskyy/', 'explainers/the-2025-offer/'], why: 'Alias on his actor page; the 2025 explainer as for "Zelenskiy".' },
  { query: 'Kiev', expect: ['places/kyiv/'], why: 'Russian-derived spelling, an alias of Kyiv.' },
  { query: 'Киев', expect: ['places/kyiv/'], why: 'Russian Cyrillic alias of Kyiv.' },
  { query: 'Lugansk', expect: ['places/luhansk/'], why: 'Russian-derived spelling, an alias of Luhansk.' },
  { query: 'Byelorussia', expect: ['places/belarus/', 'actors/belarus/'], why: 'Old name of Belarus, an alias of both its place and actor pages.' },
  { query: 'Preigerman', expect: ['actors/yauheni-preiherman/', 'sources/belarus-offers-to-host-peace-talks/', 'timeline/2025-03-19-preiherman-analysis/'], why: 'Russian transliteration of Preiherman: his page, his analysis, or its timeline entry.' },
  { query: 'Peskov', expect: ['actors/dmitry-peskov/', 'timeline/2025-peskov-minsk-best-place/', 'sources/minsk-as-a-preferred-negotiation-site/'], why: 'His actor page, the event named after his remark, and the report built around it (10 mentions in 600 words).' },
  { query: 'Песков', expect: ['actors/dmitry-peskov/'], why: 'Cyrillic surname, from his alias "Дмитрий Песков".' },
  { query: 'Nawfal', expect: ['actors/mario-nawfal/', 'timeline/2025-02-27-nawfal-interview/'], why: 'The blogger\'s page, or the interview that bears his name.' },
  { query: 'BelTA', expect: ['actors/belta/'], why: 'The state news agency\'s page.' },
  { query: 'Merkel', expect: ['actors/angela-merkel/'], why: 'Alias of Angela Merkel.' },
  { query: 'UNSC', expect: ['actors/un-security-council/'], why: 'Acronym alias of the UN Security Council.' },
  { query: 'OSCE', expect: ['glossary/osce/', 'actors/osce/'], why: 'The glossary term and the actor both carry this name.' },
  { query: 'Donbass', expect: ['glossary/donbas/', 'places/donbas/'], why: 'Russian-derived spelling of Donbas, an alias of the term and the place.' },

  // Topics and terms.
  { query: 'situational neutrality', expect: ['glossary/situational-neutrality/', 'explainers/belarus-situational-neutrality/'], why: 'The glossary term, and the explainer named after it.' },
  { query: 'Minsk agreements', expect: ['explainers/the-minsk-agreements/', 'glossary/minsk-agreements/'], why: 'The explainer with that title, and the term.' },
  { query: 'Minsk accords', expect: ['glossary/minsk-agreements/', 'explainers/the-minsk-agreements/'], why: 'Alias of the term "Minsk agreements".' },
  { query: 'Minsk II', expect: ['glossary/package-of-measures/', 'timeline/2015-02-12-minsk-ii/', 'references/package-of-measures/'], why: 'Alias of the Package of Measures: its term, the summit that produced it, or the document.' },
  { query: 'Normandy Four', expect: ['glossary/normandy-format/'], why: 'Alias of the term "Normandy format".' },
  { query: 'TCG', expect: ['glossary/trilateral-contact-group/'], why: 'Acronym alias of the Trilateral Contact Group.' },
  { query: 'peacekeepers', expect: ['glossary/european-peacekeepers/', 'sources/russia-rejects-european-peacekeepers/', 'timeline/2025-lukashenko-peacekeepers-interview/'], why: 'Alias of the term "European peacekeepers"; the source and the event are about them.' },
  { query: 'host or mediator', expect: ['explainers/the-2025-offer/', 'glossary/mediator-or-venue/', 'timeline/2025-lukashenko-host-not-mediator/'], why: 'A section title of the 2025 explainer; the term and the event answer the same question.' },
  { query: 'minerals deal', expect: ['glossary/minerals-deal/'], why: 'Alias of the term "U.S.–Ukraine minerals deal".' },
  { query: 'Oval Office', expect: ['timeline/2025-02-28-oval-office-meeting/'], why: 'The event with that title.' },
  { query: 'Belovezhskaya Pushcha', expect: ['timeline/2022-03-03-talks-belovezhskaya-pushcha/', 'timeline/2022-03-07-talks-belovezhskaya-pushcha/', 'references/talks-round-2-belovezhskaya-pushcha-2022/', 'references/talks-round-3-belovezhskaya-pushcha-2022/'], why: 'Two rounds of 2022 talks were held there: their events and records.' },
  { query: 'Gomel talks', expect: ['timeline/2022-02-28-talks-gomel-region/', 'references/talks-round-1-gomel-region-2022/'], why: 'The first round of 2022 talks, in the Gomel region.' },
  { query: 'Resolution 2202', expect: ['references/unsc-resolution-2202/', 'timeline/2015-02-17-unsc-resolution-2202/'], why: 'The resolution itself, or the event of its adoption.' },
  { query: 'Eurasian security conference', expect: ['glossary/conference-on-eurasian-security/', 'timeline/2024-10-31-second-conference-on-eurasian-security/'], why: 'The term, or the 2024 conference event (words in another order).' },

  // What a reader asks in their own words.
  { query: 'Lukashenko offer Trump Putin Zelensky', expect: ['explainers/the-2025-offer/', 'timeline/2025-02-27-nawfal-interview/'], why: 'The 2025 offer explainer is about exactly this; the interview event is the offer itself.' },
  { query: 'why did the Minsk agreements fail', expect: ['explainers/the-minsk-agreements/'], why: 'Its section "Why they failed, according to the sources".' },
  { query: 'Putin Minsk agreements no longer exist', expect: ['timeline/2022-02-22-putin-minsk-agreements-no-longer-exist/', 'references/putin-remarks-2022-02-22/'], why: 'The event with (nearly) that title, and Putin\'s remarks of 22 February 2022.' },
  { query: 'military aid freeze', expect: ['timeline/2025-03-03-us-military-aid-freeze/'], why: 'The event "United States freezes military aid to Ukraine".' },

  // Names in other spellings, with other words.
  { query: 'Zelenskiy regret', expect: ['timeline/2025-03-04-zelenskyy-expresses-regret/'], why: 'The event "Zelenskyy expresses regret over his clash with Trump".' },
  { query: 'Lukashenka Nawfal interview', expect: ['timeline/2025-02-27-nawfal-interview/', 'explainers/the-2025-offer/'], why: 'The interview event, and the explainer whose first section is about it.' },
  { query: 'Preigerman neutrality', expect: ['explainers/belarus-situational-neutrality/', 'glossary/situational-neutrality/', 'sources/belarus-offers-to-host-peace-talks/'], why: 'His argument: the explainer that sets it out, the term he uses, his analysis.' },
  { query: 'Kiev 200 kilometres', expect: ['places/kyiv/', 'sources/belarus-offers-to-host-peace-talks/', 'sources/belarus-steps-up-as-neutral-ground/', 'explainers/the-2025-offer/'], why: 'Lukashenko\'s "200 kilometres to Kyiv": the Kyiv page quotes it under its map; both renderings of the interview; the explainer.' },
  { query: 'Lugansk Donetsk recognition', expect: ['timeline/2022-02-21-russia-recognises-donetsk-luhansk/', 'references/russian-recognition-decrees-2022/'], why: 'Russia\'s recognition of the two republics: the event and the decrees.' },

  // Quotations, half remembered.
  { query: 'Minsk is the best place for negotiations', expect: ['timeline/2025-peskov-minsk-best-place/', 'sources/minsk-as-a-preferred-negotiation-site/', 'sources/belarus-steps-up-as-neutral-ground/'], why: 'Peskov\'s words: the event and the two sources that print them.' },
  { query: 'Trump is a good guy', expect: ['sources/belarus-steps-up-as-neutral-ground/', 'explainers/the-2025-offer/'], why: 'Lukashenko\'s praise, printed in the World Today News report and quoted in the 2025 explainer.' },
  { query: 'tell Trump I am waiting', expect: ['sources/belarus-offers-to-host-peace-talks/', 'explainers/the-2025-offer/'], why: 'The invitation in Preiherman\'s rendering ("I am waiting for him here"), and the explainer that quotes it.' },
  { query: 'half an hour by plane', expect: ['sources/belarus-offers-to-host-peace-talks/', 'sources/belarus-steps-up-as-neutral-ground/', 'explainers/the-2025-offer/'], why: 'The distance to Kyiv, in both renderings of the interview and in the explainer.' },
  { query: 'glimmer of hope', expect: ['sources/belarus-steps-up-as-neutral-ground/', 'actors/anya-petrova/'], why: 'Petrova\'s words in the World Today News report.' },
  { query: 'synonymous with failure', expect: ['sources/belarus-offers-to-host-peace-talks/', 'explainers/the-minsk-agreements/'], why: 'Preiherman: the Minsk agreements "synonymous with a diplomatic failure".' },
  { query: 'bulldozer', expect: ['sources/russia-rejects-european-peacekeepers/', 'explainers/the-2025-offer/'], why: 'Only the peacekeepers article likens Trump\'s approach to a bulldozer; the explainer reports it.' },

  // Dates.
  { query: '27 February', expect: ['timeline/2025-02-27-nawfal-interview/'], why: 'The day Preiherman gives for the Nawfal interview.' },
  { query: '12 February 2015', expect: ['timeline/2015-02-12-minsk-ii/', 'references/package-of-measures/'], why: 'Minsk II: the summit and the document signed that day.' },
  { query: '5 September 2014', expect: ['timeline/2014-09-05-minsk-protocol/', 'references/minsk-protocol/', 'glossary/minsk-protocol/'], why: 'The Minsk Protocol\'s date (its alias "Protocol of 5 September 2014").' },
  { query: '4 March 2025', expect: ['timeline/2025-03-04-zelenskyy-expresses-regret/'], why: 'Zelenskyy\'s expression of regret.' },

  // Typos: Pagefind has none of its own; a word cut short is found by prefix, others by "did you mean".
  { query: 'Lukaschenko', expect: [lukashenko, ...explainers], why: 'German spelling, one letter off: "did you mean Lukashenko".' },
  { query: 'Peskow', expect: ['actors/dmitry-peskov/', 'timeline/2025-peskov-minsk-best-place/'], why: 'One letter off Peskov.' },
  { query: 'Prieherman', expect: ['actors/yauheni-preiherman/', 'sources/belarus-offers-to-host-peace-talks/', 'timeline/2025-03-19-preiherman-analysis/'], why: 'Two letters swapped in Preiherman.' },
  { query: 'situational neutrallity', expect: ['glossary/situational-neutrality/', 'explainers/belarus-situational-neutrality/'], why: 'A doubled letter in "neutrality".' },
];

/**
 * The generated queries for a synthetic archive (scripts/lib/synth-corpus.ts), whose names are
 * its own: every name and alias of a sample of its actors, places and glossary terms (about
 * `count` queries, spread evenly over each kind), each expecting that entity's page in the top 3
 * (or that of another entity with the same name).
 */
export function syntheticQueries(vocabulary: SearchVocabulary, count = 60): RelevanceQuery[] {
  const pathOf = { actor: paths.actor, place: paths.place, term: paths.term } as const;
  const share = { actor: 0.6, place: 0.2, term: 0.2 } as const;
  return entityKinds.flatMap((kind) => {
    const all = vocabulary.entities.filter((e) => e.kind === kind);
    const names = all.reduce((n, e) => n + namesOf(e).length, 0);
    // Entities evenly spaced through the list, enough for this kind's share of the queries.
    const wanted = Math.max(1, Math.round((count * share[kind] * all.length) / Math.max(1, names)));
    const stride = Math.max(1, Math.floor(all.length / wanted));
    // A name two entities share ("Roro": a republic and a commission) expects either's page.
    return all.filter((_, i) => i % stride === 0).slice(0, wanted).flatMap((entity) => namesOf(entity).map((query) => ({
      query,
      expect: [entity, ...entitiesNamed(query, vocabulary.entities).filter((e) => e !== entity)].map((e) => pathOf[e.kind](e.id)),
      why: `A name of the synthetic ${kind} "${entity.name}": its page.`,
    })));
  });
}
