// The service worker: after one visit the site reloads and works with the network off.
// `cargo xtask build` fills in the version and the file list of that build; a new build
// installs beside the old one and takes over on the next visit.

const VERSION = '__VERSION__';
const CACHE = `netwerkscan-${VERSION}`;
const FILES = [/*__FILES__*/];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith('netwerkscan-') && k !== CACHE).map((k) => caches.delete(k)))),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // Pages and files of this build come from the cache; `?lang=en` is the same page.
      const url = new URL(request.url);
      url.search = '';
      const hit = (await cache.match(request, { ignoreSearch: true })) ?? (await cache.match(url.href));
      if (hit) return hit;
      try {
        return await fetch(request);
      } catch (error) {
        if (request.mode === 'navigate') {
          const page = await cache.match('./');
          if (page) return page;
        }
        throw error;
      }
    }),
  );
});
