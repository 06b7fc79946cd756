/**
 * Content problems as `npm run check:content` prints them, for people and for GitHub Actions.
 * Every check prints one line a problem, "file:line:column: field: message" (the field is left
 * out where a check names none, as the content guard does); under GitHub Actions each also
 * becomes a workflow command, so the problem shows on the pull request's diff at its line:
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions#setting-an-error-message
 */
export interface Problem {
  /** As shown to editors: relative to the project root, with forward slashes. */
  file: string;
  /** 1-based; undefined when the line a check printed names none. */
  line?: number | undefined;
  column?: number | undefined;
  /** "date", "quotes[1].speaker", "(body)", "(file name)"…; undefined when the check names none. */
  field?: string | undefined;
  message: string;
}

// A field as the checks print it: a path ("quotes[1].speaker") or a word in brackets ("(body)").
const FIELD = /^(\([a-z ]+\)|[A-Za-z_$][\w$-]*(?:\[\d+\])*(?:\.[A-Za-z_$][\w$-]*(?:\[\d+\])*)*): /;
// "file:line:column: rest", "file:line: rest" or "file: rest".
const LOCATED = /^([^:\n]+?)(?::(\d+)(?::(\d+))?)?: ([\s\S]*)$/;

/** Reads one printed problem line back; a line in no known format is kept whole as the message. */
export function parseProblem(text: string): Problem {
  const located = LOCATED.exec(text);
  if (!located) return { file: '', message: text };
  const [, file, line, column, rest] = located;
  const field = FIELD.exec(rest!);
  return {
    file: file!,
    line: line === undefined || Number(line) < 1 ? undefined : Number(line),
    column: column === undefined || Number(column) < 1 ? undefined : Number(column),
    field: field?.[1],
    message: field ? rest!.slice(field[0].length) : rest!,
  };
}

/** "file:line:column: field: message", the one format every entry point prints. */
export function formatProblem(problem: Problem): string {
  const at = problem.line === undefined ? '' : `:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}`;
  const field = problem.field === undefined ? '' : `${problem.field}: `;
  return problem.file ? `${problem.file}${at}: ${field}${problem.message}` : `${field}${problem.message}`;
}

/** A workflow command's message: %, CR and LF are escaped (GitHub's toolkit, escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as its message, and , and : too (escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The annotation's heading, short: which field, or which kind of problem. */
export function problemTitle(problem: Problem): string {
  return problem.field ? `Content problem in ${problem.field}` : 'Content problem';
}

/**
 * `::error file=…,line=…,col=…,title=…::message`: GitHub shows it on the pull request's diff at
 * that line. The message is the field and what to do, the file and line being in the properties.
 */
export function annotation(problem: Problem): string {
  const properties: string[] = [];
  if (problem.file) properties.push(`file=${escapeProperty(problem.file)}`);
  if (problem.line !== undefined) properties.push(`line=${problem.line}`);
  if (problem.line !== undefined && problem.column !== undefined) properties.push(`col=${problem.column}`);
  properties.push(`title=${escapeProperty(problemTitle(problem))}`);
  return `::error ${properties.join(',')}::${escapeData(formatProblem({ ...problem, file: '' }))}`;
}
