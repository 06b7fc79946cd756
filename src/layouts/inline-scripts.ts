/**
 * The page's inline scripts, as text. BaseLayout renders them with `set:html` and
 * astro.config.mjs hashes the same strings into the Content-Security-Policy, so the policy allows
 * exactly these scripts and no other inline code. Editing one here updates both.
 */
export const inlineScripts = {
  /** Applies a saved theme before first paint; otherwise the page follows prefers-color-scheme. */
  themeInit: `try { const t = localStorage.getItem('theme'); if (t) document.documentElement.dataset.theme = t; } catch {}`,
  /** The toggle is shown only when JavaScript runs; without it the theme follows the system. */
  themeToggle: `(() => {
  const b = document.querySelector('.theme-toggle'); if (!b) return;
  const root = document.documentElement;
  const dark = () => (root.dataset.theme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')) === 'dark';
  const sync = () => b.setAttribute('aria-pressed', String(dark()));
  b.hidden = false; sync();
  b.addEventListener('click', () => {
    root.dataset.theme = dark() ? 'light' : 'dark';
    try { localStorage.setItem('theme', root.dataset.theme); } catch {}
    sync();
  });
})();`,
} as const;
