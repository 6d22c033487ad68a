// Service worker of the standalone page: caches the page's own files at install so a
// second visit works with the network off. tools/bundle.mjs fills in the version (a hash
// of the files) and the file list; a new build therefore installs a new cache.
'use strict';
var CACHE = 'massage-guide-__MG_VERSION__';
var FILES = __MG_FILES__;

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(FILES); }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf('massage-guide-') === 0 && key !== CACHE;
    }).map(function (key) { return caches.delete(key); }));
  }).then(function () { return self.clients.claim(); }));
});

// Cache first for our own files (they are versioned by the cache name); pages fall back
// to the cached index.html when the network is off.
self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The widget's one retry past every cache (`?reload=<n>` after a refused app file).
  if (url.searchParams.has('reload')) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(request, { ignoreSearch: true }).then(function (hit) {
      if (hit) return hit;
      return fetch(request).catch(function (error) {
        if (request.mode === 'navigate') return cache.match('./index.html');
        throw error;
      });
    });
  }));
});
