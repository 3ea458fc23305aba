// The till's service worker, written by hand (no Workbox: the rules are few). The build replaces the two
// placeholders with the list of built files and a version.
//  - install: precache the app shell and every built file, so the till starts with the network off;
//  - config.json and catalogue.json: network first, the cached copy when offline (a config change reaches the till
//    on its next online start);
//  - /hub/ (feed, capture) and the payment gateway: never cached here; the rule store and the sales outbox keep
//    their own offline copies in IndexedDB and retry on their own;
//  - everything else of this origin: cache first.
const PRECACHE = self.__PRECACHE__;
const CACHE = self.__VERSION__;
const NETWORK_FIRST = ["/config.json", "/catalogue.json"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([...PRECACHE, ...NETWORK_FIRST]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && request.method === "GET") await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/hub/")) return;
  if (NETWORK_FIRST.includes(url.pathname)) {
    event.respondWith(networkFirst(event.request));
    return;
  }
  // A page navigation (any path) is the app shell.
  const request = event.request.mode === "navigate" ? new Request("/") : event.request;
  event.respondWith(cacheFirst(request));
});
