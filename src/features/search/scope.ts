/**
 * What the index leaves out of a page's main content (data-pagefind-body): navigation, asides
 * (contents, "read next", a source's metadata panel) and citation markers with their hover tips,
 * which would otherwise fill excerpts with "[1]" and source titles. The highlighter skips them too.
 */
export const excludedFromIndex = ['nav', 'aside', '.cite', '[data-pagefind-ignore]'] as const;

/** The same parts as selectors that also match everything inside them (mark.js needs both). */
export const excludedFromHighlight = excludedFromIndex.flatMap((s) => [s, `${s} *`]);
