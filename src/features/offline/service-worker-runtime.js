/* The service worker. src/features/offline/write-service-worker.ts writes it to dist/sw.js, after a line
   defining CONFIG = { base, prefix, core, rest, coreBytes, restBytes, saveAllUnasked, networkFirst,
   keptOnceUsed }, where core and rest are [url, revision] pairs (src/features/offline/precache.ts). Plain JavaScript: it runs as is. */
/* global CONFIG */
const CACHE = CONFIG.prefix + 'files';
const scope = new URL(CONFIG.base, self.location.origin);
const siteUrl = (path) => new URL(path, scope).href;
// The revision saved for each URL, kept in the cache itself.
const MANIFEST = siteUrl('__offline/manifest.json');
// Present once the whole search index is saved: search works offline.
const SAVED = siteUrl('__offline/search-saved');

async function readManifest(cache) {
  const saved = await cache.match(MANIFEST);
  return saved ? saved.json() : {};
}

/**
 * Saves the entries whose revision differs from the one saved (six at a time), then records the
 * new revisions. `progress(done, total)` is told as files arrive.
 */
async function save(entries, progress = () => {}) {
  const cache = await caches.open(CACHE);
  const manifest = await readManifest(cache);
  const todo = entries.filter(([url, revision]) => manifest[url] !== revision);
  let done = 0;
  const next = async () => {
    for (let item = todo.shift(); item; item = todo.shift()) {
      const [url, revision] = item;
      const response = await fetch(siteUrl(url), { cache: 'no-cache' });
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      await cache.put(siteUrl(url), response);
      manifest[url] = revision;
      progress(++done, done + todo.length);
    }
  };
  await Promise.all(Array.from({ length: 6 }, next));
  await cache.put(MANIFEST, new Response(JSON.stringify(manifest)));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await save(CONFIG.saveAllUnasked ? [...CONFIG.core, ...CONFIG.rest] : CONFIG.core);
    if (CONFIG.saveAllUnasked) await (await caches.open(CACHE)).put(SAVED, new Response('1'));
  })());
  // No skipWaiting: tabs opened under the old worker keep it, and the files it saved, until they close.
});

// Once no tab uses the old worker: drop the saved files this deploy no longer has, and older caches.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith(CONFIG.prefix) && key !== CACHE) await caches.delete(key);
    const cache = await caches.open(CACHE);
    const manifest = await readManifest(cache);
    const current = new Set([...CONFIG.core, ...CONFIG.rest].map(([url]) => url));
    for (const url of Object.keys(manifest)) {
      if (current.has(url)) continue;
      delete manifest[url];
      await cache.delete(siteUrl(url));
    }
    await cache.put(MANIFEST, new Response(JSON.stringify(manifest)));
    await self.clients.claim();
  })());
});

// The page asks what is saved, and to save the rest of the search index (with progress).
self.addEventListener('message', (event) => {
  const reply = (message) => event.source?.postMessage(message);
  if (event.data?.type === 'offline-status') {
    event.waitUntil(caches.match(SAVED).then((saved) => reply({ type: 'offline-status', saved: Boolean(saved), restBytes: CONFIG.restBytes })));
  } else if (event.data?.type === 'offline-save') {
    event.waitUntil(
      save(CONFIG.rest, (done, total) => reply({ type: 'offline-progress', done, total }))
        .then(async () => {
          await (await caches.open(CACHE)).put(SAVED, new Response('1'));
          reply({ type: 'offline-status', saved: true, restBytes: CONFIG.restBytes });
        })
        .catch(() => reply({ type: 'offline-status', saved: false, failed: true, restBytes: CONFIG.restBytes })),
    );
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  if (request.mode === 'navigate') event.respondWith(page(request));
  // These change with the content and have no revision in their name: the network, or the saved copy offline.
  else if (CONFIG.networkFirst.includes(path)) event.respondWith(networkFirst(request));
  else event.respondWith(file(request));
});

/** A response within `ms`, or undefined: a slow network is treated as none. */
function within(promise, ms) {
  return Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(undefined), ms))]);
}

/** Pages: the network first, so readers see the latest; the saved copy when offline or after 4 s. */
async function page(request) {
  const cache = await caches.open(CACHE);
  // One copy per page, whatever its query (?q=…, ?pagefind-highlight=…).
  const key = new URL(request.url);
  key.search = '';
  key.hash = '';
  const network = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(key.href, response.clone());
    return response;
  });
  const response = await within(network.catch(() => undefined), 4000);
  if (response) return response;
  return (await cache.match(key.href)) ?? (await network.catch(() => undefined)) ?? offlinePage();
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request, { cache: 'no-cache' });
    if (response.ok) await cache.put(request.url.split('?')[0], response.clone());
    return response;
  } catch (error) {
    const saved = await cache.match(request, { ignoreSearch: true });
    if (saved) return saved;
    throw error;
  }
}

/** Scripts, styles and index chunks: the saved copy first (their names change when they do). */
async function file(request) {
  const cache = await caches.open(CACHE);
  const saved = await cache.match(request);
  if (saved) return saved;
  const response = await fetch(request);
  // Search chunks already used stay saved, even when the whole index is not.
  const path = new URL(request.url).pathname.slice(scope.pathname.length);
  if (response.ok && CONFIG.keptOnceUsed.some((dir) => path.startsWith(dir))) await cache.put(request, response.clone());
  return response;
}

function offlinePage() {
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Offline · Minsk Talks Explained</title><body style="font:1.1rem/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem">
<h1>You are offline</h1><p>This page has not been saved on this device yet. Pages you have visited, and search once saved, still work.</p>
<p><a href="${siteUrl('')}">Home</a> · <a href="${siteUrl('search/')}">Search</a></p></body></html>`;
  return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
