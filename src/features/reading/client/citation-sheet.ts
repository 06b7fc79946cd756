/**
 * Citation markers (components/Cite.astro), made to read like a good reference work. Without
 * JavaScript nothing here runs: a marker is a link to its entry in "Sources cited".
 *
 * - On a phone (≤ 40rem), tapping a marker opens a sheet at the bottom of the screen instead of
 *   leaving the sentence: the entry's title, outlet, date, kind and reliability flags, read from
 *   the page's own "Sources cited" entry, with links to the source's page and to the entry. It
 *   closes with its button, Escape or a tap outside, and gives the focus back to the marker. It is
 *   a modal <dialog>, laid over the page, so nothing under it moves.
 * - Following a "Cited at" link (or an address ending #cite-N), the sentence the marker closes is
 *   highlighted and lands whole, below anything pinned to the top of the screen: the marker's
 *   scroll margin is set to the height of its sentence above it. Without the script, global.css
 *   gives markers a fixed margin and marks the paragraph.
 */
const narrow = matchMedia('(max-width: 40rem)');
let sheet: HTMLDialogElement | undefined;
let opener: HTMLElement | undefined;
let leaving = false;

/** The text of an element, without the " · " that joins it to the text before it. */
const text = (el: Element | null | undefined) => el?.textContent?.replace(/^\s*·\s*/, '') ?? '';

function openSheet(marker: HTMLAnchorElement, entry: HTMLLIElement): void {
  if (!sheet) {
    sheet = document.createElement('dialog');
    sheet.className = 'cite-sheet no-print';
    sheet.setAttribute('aria-labelledby', 'cite-sheet-n cite-sheet-title');
    sheet.innerHTML = '<div><div class="cite-sheet-head"><p class="meta" id="cite-sheet-n"></p><button type="button">Close</button></div>'
      + '<p class="cite-sheet-title" id="cite-sheet-title"></p><p class="meta"></p><p></p><p class="cite-sheet-links"><a></a> <a></a></p></div>';
    // The sheet's box is its inner <div>: a click on the <dialog> itself is on its backdrop.
    sheet.addEventListener('click', (event) => {
      const target = event.target as Element;
      leaving = !!target.closest('a');
      if (target === sheet || leaving || target.closest('button')) sheet!.close();
    });
    sheet.addEventListener('close', () => {
      if (!leaving) opener?.focus({ preventScroll: true });
      leaving = false;
    });
    document.body.append(sheet);
  }
  const doc = entry.id.startsWith('doc-');
  const title = entry.querySelector('a')!;
  const [n, name, meta, reliability, links] = sheet.querySelectorAll('p');
  const [page, inList] = links!.querySelectorAll('a');
  n!.textContent = `${doc ? 'Document' : 'Source'} ${entry.value}`;
  name!.textContent = title.textContent;
  meta!.textContent = text(entry.querySelector('.meta'));
  reliability!.textContent = text(entry.querySelector('.cited-reliability'));
  page!.href = title.getAttribute('href')!;
  page!.textContent = `Go to ${doc ? 'document' : 'source'}`;
  inList!.href = `#${entry.id}`;
  inList!.textContent = 'See it in Sources cited';
  opener = marker;
  sheet.showModal();
}

/** The sentence a marker closes: from the end of the sentence or the citation before it. */
function sentenceOf(sup: Element): Range {
  const block = sup.closest('p, li, figcaption, dd, td, blockquote') ?? sup.parentElement!;
  const range = document.createRange();
  range.setStart(block, 0);
  range.setEndBefore(sup);
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let afterCite = false;
  for (let node = walker.nextNode() as Text | null; node && range.comparePoint(node, 0) < 1; node = walker.nextNode() as Text | null) {
    if (node.parentElement!.closest('.cite')) { afterCite = true; continue; }
    const first = node.data.search(/\S/);
    if (afterCite && first >= 0) { range.setStart(node, first); afterCite = false; }
    for (const m of node.data.matchAll(/[.!?][”’"')\]]*\s+/g)) if (m.index + m[0].length < node.length) range.setStart(node, m.index + m[0].length);
  }
  return range;
}

/** Marks the sentence of the marker `id` (when it is one) and sets how far above it to land. */
function land(id: string, scroll?: boolean): void {
  const marker = document.getElementById(decodeURIComponent(id));
  if (!marker?.matches('.cite a')) { CSS.highlights?.delete('cited'); return; }
  const range = sentenceOf(marker.parentElement!);
  CSS.highlights?.set('cited', new Highlight(range));
  const header = document.querySelector('.site-header');
  const pinned = header && /sticky|fixed/.test(getComputedStyle(header).position) ? header.getBoundingClientRect().bottom : 0;
  const top = marker.getBoundingClientRect().top;
  const start = Math.min(top, ...[...range.getClientRects()].filter((r) => r.width).map((r) => r.top));
  marker.style.scrollMarginTop = `${Math.max(0, pinned) + top - start + 40}px`;
  if (scroll) marker.scrollIntoView();
}

addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.<HTMLAnchorElement>('a[href^="#"]');
  if (!link || event.defaultPrevented) return;
  const entry = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (link.matches('.cite a') && narrow.matches && entry instanceof HTMLLIElement) {
    event.preventDefault();
    openSheet(link, entry);
  } else if (link.hash.startsWith('#cite-')) {
    land(link.hash.slice(1));
  }
});
addEventListener('hashchange', () => land(location.hash.slice(1), true));
if (location.hash.startsWith('#cite-')) land(location.hash.slice(1), true);

export {};
