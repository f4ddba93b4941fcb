// Wegwijs service worker. A template: `cargo xtask build` fills in the version and the list of
// every file of the build, so the precache always matches the build and is never kept by hand.
//
// - install: precache every file of this build in a cache named after the build's version;
// - activate: delete every older Wegwijs cache and take over open pages at once;
// - fetch: the app shell and its files from the cache (offline first), the API from the network;
// - sync: push the journal's outbox from IndexedDB with the device's session, even when the
//   app is closed;
// - push: a Web Push from the server (a new assignment) becomes a notification that opens the
//   worker's space. The words come from the Fluent catalogues, filled in by the build.
//
// The IndexedDB layout (database, stores, meta keys) is shared with src/browser/journal.rs.

const VERSION = "__WEGWIJS_VERSION__";
const PRECACHE = __WEGWIJS_PRECACHE__;
const CACHE = `wegwijs-${VERSION}`;
const SYNC_TAG = "wegwijs-outbox";
// `{ en: { "push-title": …, "push-new-assignment": … }, nl: …, pl: …, ro: … }`
const PUSH_TEXT = __WEGWIJS_PUSH_TEXT__;
const MAX_MUTATIONS_PER_PUSH = 500;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload` skips the HTTP cache, so a new build never precaches an old file.
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("wegwijs-") && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/")) return;
  if (request.mode === "navigate") {
    // Every route is the same app shell; the app routes on the client.
    event.respondWith(fromCacheOrNetwork("/index.html", request));
    return;
  }
  event.respondWith(fromCacheOrNetwork(url.pathname, request));
});

async function fromCacheOrNetwork(path, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(path);
  return cached || fetch(request);
}

self.addEventListener("sync", (event) => {
  if (event.tag === SYNC_TAG) event.waitUntil(pushOutbox());
});

// Opens the app's journal, but never creates it: only the page does that, with its schema.
function openJournal() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open("wegwijs");
    request.onupgradeneeded = () => request.transaction.abort();
    request.onsuccess = () => {
      const db = request.result;
      // Signing out deletes the database: never stand in its way.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error);
  });
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function readOutbox(db) {
  const tx = db.transaction(["events", "meta"], "readonly");
  const meta = tx.objectStore("meta");
  const deviceId = await done(meta.get("device_id"));
  const session = await done(meta.get("session"));
  const acked = (await done(meta.get("acked_through"))) || 0;
  const range = IDBKeyRange.lowerBound(acked, true);
  const mutations = await done(tx.objectStore("events").getAll(range, MAX_MUTATIONS_PER_PUSH));
  return { deviceId, token: session && session.token, mutations };
}

async function acknowledge(db, through) {
  const tx = db.transaction(["meta"], "readwrite");
  tx.objectStore("meta").put(through, "acked_through");
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
}

// The same protocol as the page (see docs/sync-protocol.md): push in order with the device's
// session, then take the server's acked_through. Pulling is left to the page. A failure
// rejects, so the browser retries the sync later; a device without a session, or one the
// agency signed out (401), has nothing to push and the page tells the worker.
async function pushOutbox() {
  let db;
  try {
    db = await openJournal();
  } catch {
    return; // nothing recorded on this device yet
  }
  try {
    for (let round = 0; round < 100; round++) {
      const { deviceId, token, mutations } = await readOutbox(db);
      if (!deviceId || !token || mutations.length === 0) break;
      const response = await fetch("/api/sync/push", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ device_id: deviceId, mutations }),
      });
      if (response.status === 401) break;
      if (!response.ok) throw new Error(`push failed: ${response.status}`);
      const answer = await response.json();
      await acknowledge(db, answer.acked_through);
      if (answer.acked_through < mutations[mutations.length - 1].seq) break;
    }
  } finally {
    db.close();
  }
  for (const client of await self.clients.matchAll()) {
    client.postMessage({ type: "outbox-pushed" });
  }
}

// The worker's language as the browser says it; the app's own choice lives in the page's
// storage, which a service worker cannot read.
function pushLanguage() {
  for (const tag of self.navigator.languages || [self.navigator.language || "en"]) {
    const code = tag.slice(0, 2).toLowerCase();
    if (code in PUSH_TEXT) return code;
  }
  return "en";
}

self.addEventListener("push", (event) => {
  let kind = "assignment";
  try {
    kind = (event.data && event.data.json().kind) || kind;
  } catch {
    // Not JSON: still worth a look in the app.
  }
  const text = PUSH_TEXT[pushLanguage()];
  const body = text[`push-new-${kind}`] || text["push-new-assignment"];
  event.waitUntil(
    self.registration.showNotification(text["push-title"], {
      body,
      icon: "/icons/icon-192.png",
      tag: kind,
      data: { url: "/me" },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = (event.notification.data && event.notification.data.url) || "/";
  event.waitUntil(
    (async () => {
      for (const client of await self.clients.matchAll({ type: "window" })) {
        if ("navigate" in client) {
          await client.focus();
          return client.navigate(url);
        }
      }
      return self.clients.openWindow(url);
    })(),
  );
});
