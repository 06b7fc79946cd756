import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { MarkdownProcessor, MarkdownRenderer } from 'astro/markdown';
import { toHtml } from 'hast-util-to-html';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { disallowedHtmlMessage, sanitizeBodyHtml } from './body-html';
import { positionOfField } from '../checks/issues';
import { checkMdxText, formatContentProblems } from '../checks/content-guard';
import { blankFrontmatter, listEntryFiles, readEntryText } from '../load-content';
import { renderedBodyFile } from './rendered-bodies';
import type { CollectionName } from '../schemas/common';
import { failOnProblems } from './entry-files';
import { inSlices } from '../../utils/in-slices';
import { contentCodeDigest, lockfileDigest } from '../../utils/digests-fs';

/** How one body becomes checked, sanitized HTML with the site's links. */
interface BodyRenderer {
  render: MarkdownRenderer;
  rehype: ReturnType<typeof unified> | undefined;
  root: string;
}

/**
 * Renders a body and holds the result to what Markdown produces. The rules apply to the tree that
 * is rendered: Sätteri passes raw HTML through, and Markdown the guard reads as text can still be
 * HTML to it (docs/security.md).
 */
async function renderBody(body: BodyRenderer, text: string, content: string, path: string, shown: string, extension: string): Promise<string> {
  const { code, metadata } = await body.render.render(content, { frontmatter: {}, fileURL: pathToFileURL(path) });
  const { tree, disallowed } = sanitizeBodyHtml(code);
  if (disallowed.length) throw new Error(disallowedHtmlMessage(shown, disallowed, positionOfField(text, extension, '(body)')));
  if (body.rehype) await body.rehype.run(tree, new VFile({ path, cwd: body.root }));
  if (metadata.localImagePaths?.length) {
    throw new Error(`${shown}: image "${metadata.localImagePaths[0]}": a source body cannot use images relative to its file (Astro's image pipeline does not see it); put the image in public/ and write its site path, e.g. ![text](/images/map.png)`);
  }
  return toHtml(tree);
}

/**
 * The renderer for every body of a collection: the processor with the shared options Astro's
 * content layer gives it for Markdown files (its resolved config types are wider than the
 * processor's, hence the cast, as in Astro itself), and the site's rehype plugins.
 */
async function bodyRenderer(processor: MarkdownProcessor, config: LoaderContext['config'], plugins: PluggableList): Promise<BodyRenderer> {
  const { markdown, image } = config;
  const render = await processor.createRenderer({
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  } as Parameters<MarkdownProcessor['createRenderer']>[0]);
  return { render, rehype: plugins.length ? unified().use(plugins) : undefined, root: fileURLToPath(config.root) };
}

/** The checks every content file passes before it is rendered: its data as written, then the content guard. */
function checkEntryText(text: string, { collection, extension, shown }: { collection: string; extension: string; shown: string }): void {
  failOnProblems(collection, readEntryText(text, extension, collection as CollectionName, shown).problems);
  const problems = checkMdxText(blankFrontmatter(text), collection);
  if (problems.length) {
    throw new Error(`Content MDX is data, not code: ${problems.length} problem(s) in ${shown}\n${formatContentProblems(shown, problems).join('\n')}`);
  }
}

/** Every failure names its file, whatever threw (a parser's stack overflow included). */
function namingFile(shown: string, error: unknown): Error {
  const message = error instanceof RangeError ? 'the body is nested too deeply to read; flatten its quotes and lists' : (error as Error).message;
  return new Error(message.includes(shown) ? message : `${shown}: ${message}`, { cause: error });
}

/** In `astro dev`: an added or changed file is synced again, a deleted one leaves the store. */
function watchEntries(
  watcher: NonNullable<LoaderContext['watcher']>,
  { dir, extension }: { dir: string; extension: string },
  on: { sync: (path: string) => Promise<void>; remove: (path: string) => void },
): void {
  watcher.add(dir);
  const inDir = (path: string) => join(dirname(path), '/') === dir && path.endsWith(extension);
  watcher.on('change', (path) => inDir(path) && on.sync(path));
  watcher.on('add', (path) => inDir(path) && on.sync(path));
  watcher.on('unlink', (path) => inDir(path) && on.remove(path));
}

/**
 * Loads the .mdx files of one directory whose bodies need no components (sources) and renders
 * each body once, in the content layer: Astro's glob() loader would compile every file into an
 * MDX page module on every build, with remark and retext-smartypants, which took most of a build
 * at a few thousand sources (docs/architecture.md, "Why source bodies have their own loader").
 *
 * A body goes through the same checks and link handling as any content MDX: the content guard
 * (src/content/checks/content-guard.ts), then `processor` (Astro's Sätteri: Markdown, smart
 * punctuation, heading ids) and `rehypePlugins` (src/markdown/link-plugins.ts: external and
 * base-path links), applied to its HTML. Remark plugins do not run on these bodies.
 *
 * The HTML goes to a file beside Astro's data store (rendered-bodies.ts; pages read it with
 * src/site/rendered-body-fs.ts), not into the store. An unchanged file keeps its store entry and
 * HTML, so a rebuild after one edit renders one body. When Astro clears the store (its config or
 * the content config changed), or the code in src/content and src/markdown or the installed
 * packages changed, every body is checked and rendered again, so no HTML outlives what made it.
 */
export function markdownEntries(options: {
  base: string;
  processor: MarkdownProcessor;
  /** Run on each body's HTML tree, as the Markdown pipeline runs them on explainers. */
  rehypePlugins?: PluggableList;
  extension?: string;
  /** Keep the raw Markdown as `entry.body` besides the HTML (as glob()'s option of that name); default true. */
  retainBody?: boolean;
}): Loader {
  const extension = options.extension ?? '.mdx';
  let renderer: Promise<BodyRenderer> | undefined;
  return {
    name: 'markdown-entries',
    async load({ config, store, parseData, generateDigest, logger, watcher }) {
      const dir = fileURLToPath(new URL(`${options.base.replace(/\/?$/, '/')}`, config.root));
      const root = fileURLToPath(config.root);
      const body = await (renderer ??= bodyRenderer(options.processor, config, options.rehypePlugins ?? []));
      const collection = basename(dir);
      const htmlFile = (digest: string) => renderedBodyFile(config.cacheDir, collection, digest);
      const htmlDir = new URL('.', htmlFile('any'));
      await mkdir(htmlDir, { recursive: true });
      // A body is checked and rendered again when its file, or the code and packages that check
      // and render it, changed: Astro clears its store for a new config, not for new plugin code.
      const code = `${contentCodeDigest(root)}\0${lockfileDigest()}`;
      const idOf = (name: string) => name.slice(0, -extension.length);
      const shownOf = (path: string) => relative(root, path).split('\\').join('/');

      async function sync(name: string): Promise<void> {
        const path = join(dir, name);
        const shown = shownOf(path);
        const id = idOf(name);
        const text = await readFile(path, 'utf8');
        const digest = generateDigest(`${code}\0${text}`);
        if (store.get(id)?.digest === digest && existsSync(htmlFile(digest))) return;
        checkEntryText(text, { collection, extension, shown });
        const { frontmatter, content } = parseFrontmatter(text);
        const data = await parseData({ id, data: frontmatter, filePath: path });
        await writeFile(htmlFile(digest), await renderBody(body, text, content, path, shown, extension));
        store.set({ id, data, filePath: shown, digest, ...(options.retainBody === false ? {} : { body: content }) });
      }
      const syncNamed = (name: string) => sync(name).catch((error: unknown) => {
        throw namingFile(shownOf(join(dir, name)), error);
      });

      const listed = listEntryFiles(dir, [extension], root);
      failOnProblems(collection, listed.problems);
      const names = listed.files.map((file) => basename(file.path));
      const untouched = new Set(store.keys());
      for (const name of names) untouched.delete(idOf(name));
      for (const id of untouched) store.delete(id);
      // Reading overlaps rendering; rendering itself is CPU-bound, so a small batch is enough.
      await inSlices(names, 16, syncNamed);
      // HTML of versions no entry has any more.
      const current = new Set([...store.values()].map((entry) => `${entry.digest}.html`));
      await Promise.all((await readdir(htmlDir)).filter((f) => !current.has(f)).map((f) => rm(new URL(f, htmlDir))));

      if (watcher) {
        watchEntries(watcher, { dir, extension }, {
          sync: async (path) => {
            try {
              await syncNamed(relative(dir, path));
              logger.info(`Reloaded ${relative(root, path)}`);
            } catch (error) {
              logger.error((error as Error).message);
            }
          },
          remove: (path) => store.delete(idOf(relative(dir, path))),
        });
      }
    },
  };
}
