/* The service worker. src/integrations/service-worker.ts writes it to dist/sw.js, after a line
   defining CONFIG = { version, base, prefix, precache }. Plain JavaScript: it runs as is. */
/* global CONFIG */
const CACHE = CONFIG.prefix + CONFIG.version;
const scope = new URL(CONFIG.base, self.location.origin);
const siteUrl = (path) => new URL(path, scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(CONFIG.precache.map(siteUrl)))
      .then(() => self.skipWaiting()),
  );
});

// A new deploy has a new version: its worker takes over at once and deletes every older cache.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(CONFIG.prefix) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  event.respondWith(request.mode === 'navigate' ? page(request) : file(request));
});

/** Pages: the network first, so readers see the latest; the saved copy when offline. */
async function page(request) {
  const cache = await caches.open(CACHE);
  // One copy per page, whatever its query (?q=…, ?pagefind-highlight=…).
  const key = new URL(request.url);
  key.search = '';
  key.hash = '';
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key.href, response.clone());
    return response;
  } catch {
    return (await cache.match(key.href)) ?? offlinePage();
  }
}

/** Scripts, styles and the search index: the saved copy first (their names change when they do). */
async function file(request) {
  const cache = await caches.open(CACHE);
  const saved = await cache.match(request);
  if (saved) return saved;
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    // A page saved by an older build may ask for the search entry file with an older tag.
    const loose = await cache.match(request, { ignoreSearch: true });
    if (loose) return loose;
    throw error;
  }
}

function offlinePage() {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Offline · Minsk Talks Explained</title><body style="font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">
<h1>You are offline</h1><p>This page has not been saved on this device yet. Pages you have visited, and search, still work.</p>
<p><a href="${siteUrl('')}">Home</a> · <a href="${siteUrl('search/')}">Search</a></p></body></html>`;
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
