/**
 * The only search code a page runs before the reader asks for search: it wires the header
 * trigger and the `/` and Ctrl/⌘K shortcuts, and loads the search interface on demand. When
 * the browser is idle it registers the service worker, which saves the site for offline use.
 */
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const trigger = document.querySelector<HTMLAnchorElement>('[data-search-trigger]');
const HIGHLIGHT = 'pagefind-highlight';

const loadUi = () => import('./panel');
// Fetched alongside the interface rather than after it; the interface imports the same module.
const loadPagefind = () => import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).catch(() => {});

function open(): void {
  void loadPagefind();
  void loadUi().then((ui) => ui.openSearch(trigger));
}

/** Typing into a field or an editable element: `/` is a character there, not a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

trigger?.addEventListener('click', (event) => {
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return; // "open in new tab" still works
  event.preventDefault();
  open();
});
// Hovering or focusing the trigger is a good sign search is wanted: fetch the interface early.
for (const type of ['pointerenter', 'focus'] as const) {
  trigger?.addEventListener(type, () => void Promise.all([loadUi(), loadPagefind()]), { once: true });
}

document.addEventListener('keydown', (event) => {
  const shortcut = (event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey) && !event.altKey;
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
  if (!shortcut && !slash) return;
  event.preventDefault();
  open();
});

// Arriving from a search result: mark the words searched for, and the other spellings of names among them.
if (new URLSearchParams(location.search).has(HIGHLIGHT)) {
  void import('./highlight').then((m) => m.highlightArrival(base, HIGHLIGHT)).catch(() => {});
}

// Saving the site for offline use downloads in the background: not when the reader asks to save
// data or the connection is slow (a phone on 2G is usually metered).
const connection = (navigator as { connection?: { saveData?: boolean; effectiveType?: string } }).connection;
const saveData = connection?.saveData === true || /(^|-)2g$/.test(connection?.effectiveType ?? '');
if (import.meta.env.PROD && 'serviceWorker' in navigator && !saveData) {
  const register = () => void navigator.serviceWorker.register(`${base}sw.js`).catch(() => {});
  const idle = () => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 5000 }) : setTimeout(register, 2000));
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}
