/** Turns schema issues into one line each: "file: field: what was expected". */
export interface SchemaIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

export function formatSchemaIssues(file: string, issues: ReadonlyArray<SchemaIssue>): string[] {
  return issues.map((issue) => `${file}: ${fieldPath(issue.path) || '(frontmatter)'}: ${issue.message}`);
}
