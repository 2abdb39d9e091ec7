// The field page's service worker: keeps the app shell so that the page opens with no network. It never
// answers /api/ requests: the page keeps its own data (IndexedDB) and sends its queue itself when online.
'use strict';
const SHELL = 'anju-field-shell-v2';
// './' is the page with its style and script inside (FieldPage): field.js and field.css need no copy of their own
const FILES = ['./', 'manifest.webmanifest', 'icons/icon.svg', 'icons/icon-192.png', 'icons/icon-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('anju-field-') && k !== SHELL).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// The shell from the cache at once, refreshed from the network behind it for the next load.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith('/field/')) {
    return;
  }
  const key = event.request.mode === 'navigate' ? new Request(new URL('./', self.location).href) : event.request;
  event.respondWith(caches.open(SHELL).then((cache) => cache.match(key, { ignoreSearch: true }).then((cached) => {
    const fresh = fetch(event.request).then((response) => {
      if (response.ok) {
        cache.put(key, response.clone());
      }
      return response;
    });
    if (cached) {
      event.waitUntil(fresh.catch(() => undefined));
      return cached;
    }
    return fresh;
  })));
});
