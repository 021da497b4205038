// Service worker: keeps the page working offline.
//
// On install it caches the whole site as `make site` builds it (a few
// files, all relative to its scope, so the site works from any path; app.js
// there includes engine.js, panels.js, export.js and htmltext.js). Requests for the site's own files
// go to the network first, so a new deployment is picked up at once, and fall
// back to the cache when the network is unavailable. The page itself sends
// nothing anywhere; this worker only ever fetches the site's static files.
const CACHE = "annotator-v2";
const FILES = [
  "./",
  "index.html",
  "style.css",
  "boot.js",
  "app.js",
  "render.js",
  "worker.js",
  "worldmap.js",
  "favicon.ico",
  "pkg/annotator.js",
  "pkg/annotator_bg.wasm",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new URL(f, self.registration.scope).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("annotator-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || !req.url.startsWith(self.registration.scope)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const res = await fetch(req);
        if (res.ok && res.type === "basic") cache.put(req, res.clone());
        return res;
      } catch (err) {
        const hit = await cache.match(req, { ignoreSearch: true });
        if (hit) return hit;
        throw err;
      }
    })(),
  );
});
