/** Words a reader reads in an MDX body: prose only, without tags, attributes or Markdown syntax. */
export function countWords(mdx: string): number {
  const text = mdx
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_>`|-]/g, ' ');
  return wordsIn(text);
}

/**
 * Words a reader reads in rendered HTML, as the page shows them: the quotations the components
 * pull in from source entries count, citation markers ([1†]), their labels and the map's SVG
 * do not. An entity inside a word (Kremlin&#39;s) does not split it.
 */
export function countRenderedWords(html: string): number {
  const text = html
    .replace(/<sup class="cite"[\s\S]*?<\/sup>/g, '')
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(?:nbsp|#160|#xa0);/gi, ' ')
    .replace(/&#?\w+;/g, '');
  return wordsIn(text);
}

function wordsIn(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Words a minute for reading time: a careful reader of prose that cites as it goes. */
export const wordsPerMinute = 230;

/** Minutes at 230 words a minute, at least one. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / wordsPerMinute));
}

// A full stop after one of these (or after an initial: "Donald J. Trump") does not end a sentence.
const abbreviation = /(?:^|[\s(“"‘'])(?:[A-Z]|Dr|Mr|Mrs|Ms|St|Jr|Sr|No|Nos|vs|cf|e\.g|i\.e|etc|U\.S|U\.K|U\.N|Gen|Col|Lt|Sen|Rep|Prof)$/;

/**
 * A summary split after its first sentence: the standfirst an explainer opens with, and the rest,
 * which the page shows after it (on a phone, folded into the contents). The words stay the
 * summary's own; only where to break is decided here. A summary of one sentence has no rest.
 */
export function standfirst(summary: string): { first: string; rest: string } {
  const text = summary.trim();
  for (const match of text.matchAll(/[.!?][”’"')]*\s+(?=[“‘"(]?[\p{Lu}\p{N}])/gu)) {
    const before = text.slice(0, match.index);
    if (match[0].startsWith('.') && abbreviation.test(before)) continue;
    const end = match.index + match[0].trimEnd().length;
    return { first: text.slice(0, end), rest: text.slice(end).trim() };
  }
  return { first: text, rest: '' };
}
