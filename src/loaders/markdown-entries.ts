import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader } from 'astro/loaders';
import type { MarkdownProcessor, MarkdownRenderer } from 'astro/markdown';
import { toHtml } from 'hast-util-to-html';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { disallowedHtmlMessage, sanitizeBodyHtml } from '../lib/body-html';
import { positionOfField } from '../lib/issues';
import { checkMdxText, formatContentProblems } from '../lib/content-guard';
import { blankFrontmatter, listEntryFiles, readEntryText } from '../lib/load-content';
import { renderedBodyFile } from '../lib/rendered-bodies';
import type { CollectionName } from '../schemas/common';
import { failOnProblems } from './entry-files';

/**
 * Loads the .mdx files of one directory whose bodies need no components (sources) and renders
 * each body once, in the content layer: Astro's glob() loader would compile every file into an
 * MDX page module on every build, with remark and retext-smartypants, which took most of a build
 * at a few thousand sources (docs/benchmarks.md, "Build at scale").
 *
 * A body goes through the same checks and link handling as any content MDX: the content guard
 * (src/lib/content-guard.ts), then `processor` (Astro's Sätteri: Markdown, smart punctuation,
 * heading ids) and the rehype plugins configured in astro.config.mjs (external and base-path
 * links…), applied to its HTML. Remark plugins do not run on these bodies.
 *
 * The HTML goes to a file beside Astro's data store (src/lib/rendered-bodies.ts; pages read it
 * with src/data/rendered-body.ts), not into the store. An unchanged file keeps its store entry and
 * HTML, so a rebuild after one edit renders one body. When Astro clears the store (its config or
 * the content config changed), every body is rendered again, so no HTML outlives its settings.
 */
export function markdownEntries(options: {
  base: string;
  processor: MarkdownProcessor;
  extension?: string;
  /** Keep the raw Markdown as `entry.body` besides the HTML (as glob()'s option of that name); default true. */
  retainBody?: boolean;
}): Loader {
  const extension = options.extension ?? '.mdx';
  let renderer: Promise<MarkdownRenderer> | undefined;
  return {
    name: 'markdown-entries',
    async load({ config, store, parseData, generateDigest, logger, watcher }) {
      const dir = fileURLToPath(new URL(`${options.base.replace(/\/?$/, '/')}`, config.root));
      const root = fileURLToPath(config.root);
      const { markdown, image } = config;
      // The shared options Astro's content layer gives the processor for Markdown files (its
      // resolved config types are wider than the processor's, hence the cast, as in Astro itself).
      renderer ??= options.processor.createRenderer({
        image,
        syntaxHighlight: markdown.syntaxHighlight,
        shikiConfig: markdown.shikiConfig,
        gfm: markdown.gfm,
        smartypants: markdown.smartypants,
      } as Parameters<MarkdownProcessor['createRenderer']>[0]);
      const configured = (markdown.processor as { options?: { rehypePlugins?: PluggableList } }).options?.rehypePlugins ?? [];
      const rehype = configured.length ? unified().use(configured) : undefined;

      const collection = basename(dir);
      const htmlFile = (digest: string) => renderedBodyFile(config.cacheDir, collection, digest);
      const htmlDir = new URL('.', htmlFile('any'));
      await mkdir(htmlDir, { recursive: true });

      const idOf = (name: string) => name.slice(0, -extension.length);
      async function sync(name: string): Promise<void> {
        const path = join(dir, name);
        const shown = relative(root, path).split('\\').join('/');
        const id = idOf(name);
        const text = await readFile(path, 'utf8');
        const digest = generateDigest(text);
        if (store.get(id)?.digest === digest && existsSync(htmlFile(digest))) return;
        failOnProblems(collection, readEntryText(text, extension, collection as CollectionName, shown).problems);
        const problems = checkMdxText(blankFrontmatter(text), collection);
        if (problems.length) {
          throw new Error(`Content MDX is data, not code: ${problems.length} problem(s) in ${shown}\n${formatContentProblems(shown, problems).join('\n')}`);
        }
        const { frontmatter, content } = parseFrontmatter(text);
        const data = await parseData({ id, data: frontmatter, filePath: path });
        const { code, metadata } = await (await renderer!).render(content, { frontmatter: {}, fileURL: pathToFileURL(path) });
        // The rules apply to the tree that is rendered: Sätteri passes raw HTML through, and
        // Markdown the guard reads as text can still be HTML to it (docs/security.md).
        const { tree, disallowed } = sanitizeBodyHtml(code);
        if (disallowed.length) throw new Error(disallowedHtmlMessage(shown, disallowed, positionOfField(text, extension, '(body)')));
        if (rehype) await rehype.run(tree, new VFile({ path, cwd: root }));
        const html = toHtml(tree);
        if (metadata.localImagePaths?.length) {
          throw new Error(`${shown}: image "${metadata.localImagePaths[0]}": a source body cannot use images relative to its file (Astro's image pipeline does not see it); put the image in public/ and write its site path, e.g. ![text](/images/map.png)`);
        }
        await writeFile(htmlFile(digest), html);
        const filePath = relative(root, path).split('\\').join('/');
        store.set({ id, data, filePath, digest, ...(options.retainBody === false ? {} : { body: content }) });
      }

      // Every failure names its file, whatever threw (a parser's stack overflow included).
      const syncNamed = (name: string) =>
        sync(name).catch((error: unknown) => {
          const message = error instanceof RangeError ? 'the body is nested too deeply to read; flatten its quotes and lists' : (error as Error).message;
          const shown = relative(root, join(dir, name)).split('\\').join('/');
          throw new Error(message.includes(shown) ? message : `${shown}: ${message}`, { cause: error });
        });
      const listed = listEntryFiles(dir, [extension], root);
      failOnProblems(collection, listed.problems);
      const names = listed.files.map((file) => basename(file.path));
      const untouched = new Set(store.keys());
      for (const name of names) untouched.delete(idOf(name));
      for (const id of untouched) store.delete(id);
      // Reading overlaps rendering; rendering itself is CPU-bound, so a small batch is enough.
      for (let i = 0; i < names.length; i += 16) await Promise.all(names.slice(i, i + 16).map(syncNamed));
      // HTML of versions no entry has any more.
      const current = new Set([...store.values()].map((entry) => `${entry.digest}.html`));
      await Promise.all((await readdir(htmlDir)).filter((f) => !current.has(f)).map((f) => rm(new URL(f, htmlDir))));

      if (!watcher) return;
      watcher.add(dir);
      const inDir = (path: string) => join(dirname(path), '/') === dir && path.endsWith(extension);
      const onChange = async (path: string) => {
        if (!inDir(path)) return;
        try {
          await syncNamed(relative(dir, path));
          logger.info(`Reloaded ${relative(root, path)}`);
        } catch (error) {
          logger.error((error as Error).message);
        }
      };
      watcher.on('change', onChange);
      watcher.on('add', onChange);
      watcher.on('unlink', (path) => {
        if (inDir(path)) store.delete(idOf(relative(dir, path)));
      });
    },
  };
}
