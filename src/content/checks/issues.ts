import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/**
 * Turns schema issues into one line each, "file:line:column: field: what was expected", the line
 * and column being those of the field's value in the file (src/content/checks/annotations.ts reads them back
 * for GitHub's annotations).
 */
export interface SchemaIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  /** Zod's unrecognized_keys issues name the unknown fields here; the path is their object's. */
  keys?: ReadonlyArray<string>;
}

/** A place in a file, both 1-based. */
export interface Position {
  line: number;
  column: number;
}

/** Where a field path is in a file; the file's first line when nothing better is known. */
export type Locator = (path: ReadonlyArray<PropertyKey>, options?: { atKey?: boolean }) => Position;

export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

/** The reverse of fieldPath: "quotes[1].speaker" is ["quotes", 1, "speaker"]. */
export function parsePath(field: string): PropertyKey[] {
  const path: PropertyKey[] = [];
  for (const match of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) path.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
  return path;
}

const firstLine: Locator = () => ({ line: 1, column: 1 });

export function formatSchemaIssues(file: string, issues: ReadonlyArray<SchemaIssue>, locate: Locator = firstLine): string[] {
  return issues.map((issue) => {
    // An unknown field is pointed at where it is written, not at the object holding it.
    const unknown = issue.keys?.[0];
    const { line, column } = unknown === undefined ? locate(issue.path) : locate([...issue.path, unknown], { atKey: true });
    return `${file}:${line}:${column}: ${fieldPath(issue.path) || '(frontmatter)'}: ${issue.message}`;
  });
}

/** As src/content/load-content.ts reads frontmatter. */
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * Finds field paths in a content file: a YAML file, or the frontmatter of an .mdx or .md file
 * (lines are counted from the top of the whole file). A field's place is that of its value; a
 * field without a value is placed at its key; a missing field at the key of the nearest parent
 * that is written, or at the first line of the YAML. Parsed once, on the first call: only files
 * with a problem pay for it.
 */
export function yamlLocator(text: string, ext: string): Locator {
  const isData = ext === '.yaml' || ext === '.yml';
  const frontmatter = isData ? undefined : FRONTMATTER.exec(text);
  if (!isData && !frontmatter) return firstLine;
  // The frontmatter starts on the line after the opening ---.
  const lineOffset = isData ? 0 : 1;
  const yamlText = isData ? text : frontmatter![1]!;
  let parsed: { doc: ReturnType<typeof parseDocument>; lines: LineCounter } | undefined;
  const start: Position = { line: 1 + lineOffset, column: 1 };
  return (path, options) => {
    parsed ??= (() => {
      const lines = new LineCounter();
      return { doc: parseDocument(yamlText, { lineCounter: lines, schema: 'core', uniqueKeys: false }), lines };
    })();
    const { doc, lines } = parsed;
    const at = (node: Node | null | undefined): Position | undefined => {
      if (!node?.range) return undefined;
      const { line, col } = lines.linePos(node.range[0]);
      return { line: line + lineOffset, column: col };
    };
    let found: Position | undefined;
    let node: unknown = doc.contents;
    for (const [i, key] of path.entries()) {
      let keyNode: Node | undefined;
      let value: unknown;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        keyNode = pair.key as Node;
        value = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && key < node.items.length) {
        value = node.items[key];
      } else break;
      // Written with no value ("date:"): the key is the place.
      const empty = !value || (isScalar(value) && value.value === null && !(value as { source?: string }).source);
      const last = i === path.length - 1;
      found = (empty || (last && options?.atKey) ? at(keyNode) : at(value as Node)) ?? at(keyNode) ?? found;
      node = value;
      if (empty) break;
    }
    return found ?? start;
  };
}

/** Where a field named in a problem ("actors[1]", "(body)", "(file)") is in a content file's text. */
export function positionOfField(text: string, ext: string, field: string): Position {
  if (field === '(body)') {
    const frontmatter = FRONTMATTER.exec(text);
    if (!frontmatter) return { line: 1, column: 1 };
    // The first line after the closing ---.
    return { line: (frontmatter[0].match(/\n/g)?.length ?? 0) + 1, column: 1 };
  }
  if (field.startsWith('(')) return { line: 1, column: 1 };
  return yamlLocator(text, ext)(parsePath(field));
}
