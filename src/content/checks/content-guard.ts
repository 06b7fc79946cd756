import type { Nodes, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { mdxToMdast } from 'satteri';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { CollectionName } from '../schemas/common';

/**
 * Content MDX is data, not code: an editor's pull request may add prose, citations and a few
 * inline HTML elements, never a script. This module decides what is allowed; the remark plugin
 * (build) and scripts/check-content.ts (fast check) both call it.
 */

export interface AllowedElement {
  /** What it is for, for CONTRIBUTING and the generated content reference. */
  description: string;
  /** Attribute → what it means. Any other attribute is rejected. */
  attributes: Readonly<Record<string, string>>;
  /** Collections whose MDX may use it; every MDX collection when left out. */
  collections?: readonly CollectionName[];
}

/**
 * The site components content may use, without imports: the one allow-list. The pages pass the
 * matching Astro components (src/components/content-components.ts, checked against this list).
 * Citations link to the list of sources an explainer page ends with, so they belong to explainers.
 */
export const contentComponents = {
  Cite: {
    description: 'A numbered citation of a source (or a primary document), at the sentence or paragraph it supports.',
    attributes: {
      source: 'id of the source (its file name in content/sources/ without .mdx)',
      doc: 'id of a primary document in content/references/, instead of source, for background no source states',
    },
    collections: ['explainers'],
  },
  Quote: {
    description: "A quotation, rendered from the source entry's recorded quotes so it cannot drift from what the source printed.",
    attributes: {
      source: 'id of the source',
      id: 'id of one of the quotes recorded in that source',
      inline: 'write inline="true" for a short quotation inside a sentence',
    },
    collections: ['explainers'],
  },
  Variants: {
    description: 'Where sources differ: sets the versions of one thing side by side, grouped by stance. Contains <Variant> elements.',
    attributes: {
      title: 'what differs, e.g. "The interview date"',
      statement: 'the disagreement itself in one sentence of our words, e.g. "One report has Lukashenko ruling out mediation; three texts call Belarus a mediator."',
    },
    collections: ['explainers'],
  },
  Variant: {
    description: "One version inside <Variants>: a recorded quote (quote=\"id\"), or our own words as the element's content.",
    attributes: {
      source: 'id of the source',
      quote: 'id of a quote recorded in that source (optional)',
      stance: 'the position this source takes, in a few of our words, e.g. "Host only" or "Mediator"; versions with the same stance are grouped under it',
    },
    collections: ['explainers'],
  },
  RegionMap: {
    description: 'A map of Belarus and its neighbours with the Belarus–Ukraine border and the distance to Kyiv as a source claims it (from the quote) and as we measure it (src/site/region-map.ts).',
    attributes: {},
    collections: ['explainers'],
  },
} as const satisfies Record<string, AllowedElement>;

/**
 * Inline HTML that Markdown cannot express, allowed in any content MDX. Links and images are
 * Markdown only, so the build's link handling (external marking, the base path) sees them all.
 */
export const contentHtmlElements = {
  abbr: { description: 'An abbreviation with its expansion.', attributes: { title: 'the expansion' } },
  br: { description: 'A line break.', attributes: {} },
  kbd: { description: 'Keyboard input.', attributes: {} },
  small: { description: 'Side comment, fine print.', attributes: {} },
  sub: { description: 'Subscript.', attributes: {} },
  sup: { description: 'Superscript.', attributes: {} },
} as const satisfies Record<string, AllowedElement>;

const allowedElements: Record<string, AllowedElement> = { ...contentComponents, ...contentHtmlElements };

/** URL schemes a link or image may use; relative URLs and #fragments are always fine. */
export const allowedUrlSchemes = ['http', 'https', 'mailto'] as const;

/** Attributes whose value is a URL. */
const urlAttributes = new Set(['href', 'src']);

/** Elements Markdown already writes, and how. */
const markdownInstead: Record<string, string> = {
  a: 'write the link in Markdown: [text](https://…) or [text](/sources/id/)',
  img: 'write the image in Markdown: ![text alternative](/path/to/image.png)',
};

/** Elements named in a specific message because they run or embed code. */
const codeElements: Record<string, string> = {
  script: 'scripts',
  iframe: 'embedded frames',
  style: 'style sheets',
  object: 'embedded objects',
  embed: 'embedded objects',
};

export interface ContentProblem {
  line: number;
  column: number;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  fix: string;
}

/** The scheme that makes a URL unsafe ("javascript"), or undefined for a safe or relative URL. */
export function unsafeUrlScheme(url: string): string | undefined {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  const cleaned = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(cleaned)?.[1];
  if (scheme === undefined) return undefined;
  return (allowedUrlSchemes as readonly string[]).includes(scheme) ? undefined : scheme;
}

const urlFix = `use an http(s) or mailto: link, or a site path; ${allowedUrlSchemes.join(', ')} are the allowed schemes`;

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
interface Positioned {
  position?: { start: { line: number; column: number } } | undefined;
}
type Report = (node: Positioned | undefined, message: string, fix: string) => void;

/** Every way an MDX tree of content/<collection>/ goes beyond data, in document order. */
export function findContentProblems(tree: Root, collection: string | undefined): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const add: Report = (node, message, fix) =>
    problems.push({ line: node?.position?.start.line ?? 0, column: node?.position?.start.column ?? 0, message, fix });

  visit(tree, (node: Nodes) => {
    switch (node.type) {
      case 'mdxjsEsm':
        add(node, `${/^\s*export\b/.test(node.value) ? 'export' : 'import'} statement`, 'remove it: content cannot import or export code; site components (<Cite>, <Quote>, …) are available without imports');
        return;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        add(node, `JavaScript expression {${abbreviate(node.value)}}`, 'remove the braces; to show a literal { or }, write \\{ or \\}');
        return;
      case 'html':
        add(node, 'raw HTML', 'use Markdown or one of the allowed elements');
        return;
      case 'link':
      case 'image':
      case 'definition': {
        const scheme = unsafeUrlScheme(node.url);
        if (scheme) add(node, `${node.type === 'image' ? 'image' : 'link'} with a ${scheme}: URL`, urlFix);
        // An image path is read from disk at build time: one that climbs out of its folder could
        // publish any file the build machine can read.
        else if (node.type !== 'link' && climbsOut(node.url)) {
          add(node, `image path "${abbreviate(node.url)}" leaves the content folder`, 'put the image in public/images/ and write its site path, e.g. ![text](/images/map.png)');
        }
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, collection, add);
        return;
    }
  });
  return problems;
}

function checkElement(
  node: JsxElement,
  collection: string | undefined,
  add: Report,
): void {
  const name = node.name;
  if (name === null) {
    add(node, 'JSX fragment <>…</>', 'remove the <> and </> around the text');
    return;
  }
  const allowed = Object.hasOwn(allowedElements, name) ? allowedElements[name] : undefined;
  if (!allowed) {
    const what = codeElements[name.toLowerCase()];
    const list = Object.keys(allowedElements).map((n) => `<${n}>`).join(', ');
    const instead = markdownInstead[name.toLowerCase()];
    add(
      node,
      what ? `<${name}> element: content cannot contain ${what}` : `<${name}> is not an element content may use`,
      instead ?? `remove it; content may use only ${list} (see CONTRIBUTING.md)`,
    );
    // Still name handlers and unsafe URLs on it, so the editor sees everything wrong at once.
    for (const attribute of node.attributes) checkAttribute(node, name, undefined, attribute, add);
    return;
  }
  if (allowed.collections && !(allowed.collections as readonly string[]).includes(collection ?? '')) {
    add(node, `<${name}> is not available in ${collection ?? 'this file'}`, `use it only in ${allowed.collections.join(', ')}`);
  }
  for (const attribute of node.attributes) checkAttribute(node, name, allowed, attribute, add);
}

function checkAttribute(
  node: JsxElement,
  element: string,
  allowed: AllowedElement | undefined,
  attribute: MdxJsxAttribute | MdxJsxExpressionAttribute,
  add: Report,
): void {
  const at = attribute.position ? attribute : node;
  if (attribute.type === 'mdxJsxExpressionAttribute') {
    add(at, `JavaScript spread attribute {${abbreviate(attribute.value)}} on <${element}>`, 'write each attribute as name="text"');
    return;
  }
  const { name, value } = attribute;
  if (/^on/i.test(name)) {
    add(at, `event handler attribute ${name} on <${element}>`, 'remove it: content cannot run scripts');
    return;
  }
  if (allowed && !Object.hasOwn(allowed.attributes, name)) {
    const names = Object.keys(allowed.attributes);
    add(at, `attribute ${name} is not allowed on <${element}>`, names.length ? `use only ${names.join(', ')}` : `<${element}> takes no attributes`);
    return;
  }
  if (value !== null && typeof value === 'object') {
    if (!allowed) return;
    add(at, `JavaScript expression in attribute ${name}={${abbreviate(value.value)}} on <${element}>`, `write ${name}="text" with quotes instead of braces`);
    return;
  }
  const scheme = typeof value === 'string' && urlAttributes.has(name) ? unsafeUrlScheme(value) : undefined;
  if (scheme) add(at, `${name} with a ${scheme}: URL on <${element}>`, urlFix);
}

/** True for a relative path with a ".." segment, however encoded or slashed. */
export function climbsOut(url: string): boolean {
  let path = url.split(/[?#]/)[0] ?? '';
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape is left as written: it cannot name a parent folder either.
  }
  return /^\s*(?:[a-z]:)?[\\/]{2}/i.test(path) || path.split(/[\\/]/).some((segment) => segment.trim() === '..');
}

function abbreviate(code: string): string {
  const flat = code.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 37)}…` : flat;
}

/** "file:line:column: message. Fix: …", one line a problem, as the build and check:content print them. */
export function formatContentProblems(file: string, problems: ContentProblem[]): string[] {
  return problems.map((p) => `${file}:${p.line}:${p.column}: ${p.message}. Fix: ${p.fix}.`);
}

/** The collection a content file belongs to ("explainers"), or undefined when it is not under contentDir. */
export function collectionOf(contentDir: string, filePath: string): string | undefined {
  const dir = contentDir.replace(/[\\/]+$/, '');
  const path = filePath.replace(/\\/g, '/');
  const base = dir.replace(/\\/g, '/');
  if (!path.startsWith(`${base}/`)) return undefined;
  return path.slice(base.length + 1).split('/')[0];
}

const mdxParser = unified().use(remarkParse).use(remarkMdx);

/**
 * Most content is clean, and proving it is the costly part at thousands of files: Sätteri parses
 * the same MDX into the same mdast node types many times faster than remark-mdx. Only a body
 * it finds a problem in (or cannot parse) goes on to remark-mdx, whose messages and attribute
 * positions are the ones the build's remark guard reports.
 */
function isCleanByQuickParse(body: string, collection: string | undefined): boolean {
  try {
    return findContentProblems(mdxToMdast(body, { position: false }) as Root, collection).length === 0;
  } catch {
    return false;
  }
}

/**
 * Checks the MDX body of a content file without a build. `body` must keep the file's line
 * positions (frontmatter blanked, as Astro does). A syntax error is reported as a problem too.
 */
export function checkMdxText(body: string, collection: string | undefined): ContentProblem[] {
  if (isCleanByQuickParse(body, collection)) return [];
  let tree: Root;
  try {
    tree = mdxParser.parse(body);
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message: string };
    // Some parse errors carry their position only in the text: "… (3:1-3:18)".
    const at = /\((\d+):(\d+)/.exec(e.message);
    return [{
      line: e.line ?? Number(at?.[1] ?? 0),
      column: e.column ?? Number(at?.[2] ?? 0),
      message: `MDX cannot be parsed: ${e.reason ?? e.message}`,
      fix: 'check for an unclosed <Element>, or escape a literal < or { as \\< or \\{',
    }];
  }
  return findContentProblems(tree, collection);
}
