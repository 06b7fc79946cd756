import { defineCollection, reference } from 'astro:content';
import { satteri } from '@astrojs/markdown-satteri';
import { markdownEntries } from './content/loaders/markdown-entries';
import { entryFiles } from './content/loaders/entry-files';
import { linkPlugins } from './markdown/link-plugins';
import {
  actorSchema,
  eventSchema,
  explainerSchema,
  glossarySchema,
  outletSchema,
  placeSchema,
  referenceSchema,
  sourceSchema,
  type CollectionName,
  type RefFn,
} from './content/schemas';

// Content lives in content/, one file an entry, so an editor's pull request touches one file.
// CONTENT_DIR points a build at another tree (test fixtures, the synthetic benchmark corpus).
const ref = reference as unknown as RefFn;
const root = process.env.CONTENT_DIR ?? './content';
// Source bodies get the links every body gets, under the same deploy base as astro.config.mjs.
const rehypePlugins = linkPlugins({ base: process.env.BASE ?? '/' });
// Every file is checked before Astro reads it (src/content/loaders/entry-files.ts): ids from file names only,
// no duplicates or sub-folders, no YAML anchors, data validated as written.
const mdx = (dir: CollectionName) => entryFiles({ base: `${root}/${dir}`, collection: dir, extensions: ['.mdx'] });
const yaml = (dir: CollectionName) => entryFiles({ base: `${root}/${dir}`, collection: dir, extensions: ['.yaml', '.yml'] });

export const collections = {
  // Source bodies are plain Markdown (no components, no remark plugins needed), rendered once in the
  // content layer with Astro's built-in Sätteri processor and cached between builds: compiling each
  // as an MDX module with the unified processor took most of the build at a few thousand sources
  // (docs/benchmarks.md, "Build at scale"). No page reads a source's raw body, so only its HTML is
  // kept, which halves the content-layer store. Explainers stay MDX, compiled with unified + remark-citations.
  sources: defineCollection({
    loader: markdownEntries({ base: `${root}/sources`, processor: satteri(), rehypePlugins, retainBody: false }),
    schema: sourceSchema(ref),
  }),
  explainers: defineCollection({ loader: mdx('explainers'), schema: explainerSchema(ref) }),
  actors: defineCollection({ loader: yaml('actors'), schema: actorSchema }),
  outlets: defineCollection({ loader: yaml('outlets'), schema: outletSchema }),
  events: defineCollection({ loader: yaml('events'), schema: eventSchema(ref) }),
  glossary: defineCollection({ loader: yaml('glossary'), schema: glossarySchema(ref) }),
  references: defineCollection({ loader: yaml('references'), schema: referenceSchema }),
  places: defineCollection({ loader: yaml('places'), schema: placeSchema }),
};
