/**
 * Deploy-time facts pages print, from the environment rather than hard-coded, so a fork or a
 * mirror points readers at its own tracker.
 *
 * REPOSITORY_URL names the repository (https://github.com/owner/name); in GitHub Actions it
 * defaults to the repository being built. When neither is set, pages say how to report an error
 * without a link rather than guessing one.
 */
const fromActions =
  process.env.GITHUB_SERVER_URL && process.env.GITHUB_REPOSITORY
    ? `${process.env.GITHUB_SERVER_URL}/${process.env.GITHUB_REPOSITORY}`
    : undefined;

export const repositoryUrl: string | undefined = (process.env.REPOSITORY_URL ?? fromActions)?.replace(/\/+$/, '') || undefined;

/** Where a reader reports an error: the repository's new-issue form. */
export const reportErrorUrl: string | undefined = repositoryUrl ? `${repositoryUrl}/issues/new` : undefined;
