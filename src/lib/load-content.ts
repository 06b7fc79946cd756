import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, extname, basename } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import type { z } from 'astro/zod';
import {
  actorSchema, eventSchema, explainerSchema, glossarySchema, outletSchema, placeSchema,
  plainReference, referenceSchema, sourceSchema, type CollectionName,
} from '../schemas';
import type { PlainEntry } from './entries';
import { formatSchemaIssues } from './issues';

/**
 * Reads content/ without Astro, for scripts (check, scaffold, benchmarks): the same schemas as
 * src/content.config.ts, with ids taken from file names as Astro's glob loader does.
 */
export const schemas: Record<CollectionName, z.ZodType> = {
  sources: sourceSchema(plainReference),
  explainers: explainerSchema(plainReference),
  actors: actorSchema,
  outlets: outletSchema,
  events: eventSchema(plainReference),
  glossary: glossarySchema(plainReference),
  references: referenceSchema,
  places: placeSchema,
};

/**
 * YAML 1.2's core schema keeps an unquoted date as written, so an impossible one (2025-02-30) is
 * reported instead of being rolled over to another day, as a JavaScript Date would. (js-yaml, the
 * parser Astro uses, is several times faster than the yaml package on thousands of files.)
 */
const parseYaml = (text: string): unknown => load(text, { schema: CORE_SCHEMA });

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** The text with its frontmatter blanked to spaces, so MDX positions stay those of the file (as Astro does). */
export function blankFrontmatter(text: string): string {
  return text.replace(FRONTMATTER, (block) => block.replace(/[^\r\n]/g, ' '));
}

export function parseContentFile(text: string, ext: string): { data: unknown; body?: string | undefined } {
  if (ext === '.mdx' || ext === '.md') {
    const match = FRONTMATTER.exec(text);
    if (!match) return { data: undefined, body: text };
    return { data: parseYaml(match[1]!), body: text.slice(match[0].length) };
  }
  return { data: parseYaml(text) };
}

export interface LoadResult {
  entries: PlainEntry[];
  errors: string[];
}

export function loadContent(contentDir: string, root = process.cwd()): LoadResult {
  const entries: PlainEntry[] = [];
  const errors: string[] = [];
  for (const collection of Object.keys(schemas) as CollectionName[]) {
    const dir = join(contentDir, collection);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      const ext = extname(name);
      if (!['.mdx', '.yaml', '.yml'].includes(ext)) continue;
      const file = join(dir, name);
      const shown = relative(root, file);
      let parsed: { data: unknown; body?: string | undefined };
      try {
        parsed = parseContentFile(readFileSync(file, 'utf8'), ext);
      } catch (error) {
        errors.push(`${shown}: (file): not valid YAML: ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
      const result = schemas[collection].safeParse(parsed.data ?? {});
      if (!result.success) {
        errors.push(...formatSchemaIssues(shown, result.error.issues));
        continue;
      }
      entries.push({
        collection,
        id: basename(name, ext),
        filePath: shown,
        data: result.data as Record<string, unknown>,
        body: parsed.body,
      });
    }
  }
  return { entries, errors };
}
