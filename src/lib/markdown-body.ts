/** Where a body meant to be plain Markdown holds MDX-only syntax, which Markdown would print as text. */
export interface MdxSyntaxFound {
  /** 1-based line in the body. */
  line: number;
  /** The component name ("Cite") or the statement ("import"). */
  what: string;
}

const fence = /^\s*(```|~~~)/;
const component = /<([A-Z][\w.]*)(?=[\s/>])/;
const statement = /^(import|export)\s/;

/**
 * Finds MDX components (<Cite …/>) and import/export lines outside code, so a source body that
 * uses them fails with a clear message instead of printing the tag as text.
 */
export function findMdxSyntax(body: string): MdxSyntaxFound[] {
  const found: MdxSyntaxFound[] = [];
  let inFence = false;
  body.split('\n').forEach((text, i) => {
    if (fence.test(text)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    const prose = text.replace(/`[^`]*`/g, '');
    const tag = component.exec(prose);
    if (tag) found.push({ line: i + 1, what: `<${tag[1]}>` });
    else if (statement.test(prose)) found.push({ line: i + 1, what: statement.exec(prose)![1]! });
  });
  return found;
}
