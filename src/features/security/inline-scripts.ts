/**
 * The page's inline scripts, as text. BaseLayout renders them with `set:html` and
 * astro.config.mjs hashes the same strings into the Content-Security-Policy, so the policy allows
 * exactly these scripts and no other inline code. Editing one here updates both.
 */
export const inlineScripts = {
  /** Applies a saved theme before first paint; otherwise the page follows prefers-color-scheme. */
  themeInit: `try { const t = localStorage.getItem('theme'); if (t) document.documentElement.dataset.theme = t; } catch {}`,
  /**
   * The theme control (BaseLayout): System, Light or Dark, shown only when JavaScript runs; without
   * it the page follows the system setting. System forgets the saved choice.
   */
  themeToggle: `(() => {
  const s = document.querySelector('.theme select'); if (!s) return;
  const root = document.documentElement;
  s.value = root.dataset.theme ?? ''; s.parentElement.hidden = false;
  s.addEventListener('change', () => {
    if (s.value) root.dataset.theme = s.value; else delete root.dataset.theme;
    try { if (s.value) localStorage.setItem('theme', s.value); else localStorage.removeItem('theme'); } catch {}
  });
})();`,
  /**
   * The timeline's filter by actor (pages/timeline/index.astro). The list is complete without it; it
   * only hides events. It runs before the list is parsed, so the filter appears without a layout shift.
   */
  timelineFilter: `(() => {
  const filter = document.querySelector('[data-timeline-filter]'); if (!filter) return;
  const select = filter.querySelector('select'), status = filter.querySelector('[data-count]');
  const apply = () => {
    const events = [...document.querySelectorAll('.timeline-event')], years = [...document.querySelectorAll('.timeline-year')];
    const id = select.value; let shown = 0;
    for (const li of events) { li.hidden = !!id && !li.dataset.actors.split(' ').includes(id); if (!li.hidden) shown++; }
    for (const y of years) y.hidden = !y.querySelector('.timeline-event:not([hidden])');
    status.textContent = id ? \`\${shown} of \${events.length} events involve \${select.selectedOptions[0].dataset.name}.\` : \`Showing all \${events.length} events.\`;
    history.replaceState(null, '', id ? \`?actor=\${encodeURIComponent(id)}\` : location.pathname);
  };
  filter.hidden = false;
  select.addEventListener('change', apply);
  const wanted = new URLSearchParams(location.search).get('actor');
  if (wanted && [...select.options].some((o) => o.value === wanted)) { select.value = wanted; addEventListener('DOMContentLoaded', apply); }
})();`,
} as const;
