import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse } from 'yaml';
import type { GlossaryTerm } from './rehype-glossary-links';
import { bareTerm } from '../content/schemas/glossary';

/**
 * The glossary's names, read straight from content/glossary for the Markdown pipeline, which is
 * configured before Astro loads collections. Malformed files are left to the schema check.
 */
export function readGlossaryTerms(contentDir: string): GlossaryTerm[] {
  const dir = join(contentDir, 'glossary');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => ['.yaml', '.yml'].includes(extname(f)))
    .flatMap((f) => {
      const data = parse(readFileSync(join(dir, f), 'utf8')) as { term?: unknown; aliases?: unknown } | null;
      if (typeof data?.term !== 'string') return [];
      const aliases = Array.isArray(data.aliases) ? data.aliases.filter((a): a is string => typeof a === 'string') : [];
      return [{ id: basename(f, extname(f)), names: [...new Set([data.term, bareTerm(data.term), ...aliases])] }];
    });
}
