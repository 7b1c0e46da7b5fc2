// Service worker: the whole app offline after the first visit. The build (build/steps/pwa.mjs) writes
// dist/sw.js as `const VERSION = …; const FILES = {…}; const HASHED_NAME = /…/;` (every file of the build with
// its sha256 and size; the hashed-file-name rule of deploy/headers.mjs) followed by this file. Hand-written on
// purpose: about 2 KB after brotli, where Workbox's runtime alone is several times that.
//
// - install: fetch every file of this build (checked against its sha256) into a cache named for this
//   version and this scope; if any file fails, the install fails and the old version stays in charge.
// - fetch: files of the build and navigations (the app's URL with any #hash or ?query) are answered from
//   that cache, each response checked against its sha256; a missing or damaged entry falls back to the
//   network (and is repaired), a failing network falls back to the cache of any version.
// - a new version waits until the page says so (the "new version — reload" prompt, assets/sw-register.js),
//   so a reader never gets new files under an old page; on activation the caches of older versions of this
//   app (same scope) are deleted.
/* global VERSION, FILES, HASHED_NAME */
"use strict";

const SCOPE = new URL(self.registration.scope);
const PREFIX = `web-infra:${SCOPE.pathname}:`;
const CACHE = PREFIX + VERSION;
const INDEX = "index.html";

/** The build-relative path of a same-scope URL ("" for the scope itself), or null. */
function relPath(url) {
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return null;
  return decodeURIComponent(url.pathname.slice(SCOPE.pathname.length));
}
const abs = (path) => new URL(path, SCOPE).href;

async function sha256(buf) {
  const d = await crypto.subtle.digest("SHA-256", buf);
  let s = "";
  for (const b of new Uint8Array(d)) s += String.fromCharCode(b);
  return "sha256-" + btoa(s);
}

/** The response as a fresh Response if its body is exactly the build's file, else null. */
async function verified(path, res) {
  if (!res || !res.ok || res.type === "opaque") return null;
  const [hash, size] = FILES[path];
  const buf = await res.arrayBuffer();
  if (buf.byteLength !== size || (await sha256(buf)) !== hash) return null;
  const headers = new Headers(res.headers);
  headers.delete("Content-Encoding"); // the body here is decoded: its length and encoding are ours now
  headers.delete("Content-Length");
  return new Response(buf, { status: res.status, statusText: res.statusText, headers });
}

async function fromNetwork(path, cacheMode) {
  const hashed = HASHED_NAME.test(path);
  // Unhashed files (index.html, the manifest) bypass the HTTP cache, so a stale copy never enters the cache.
  return fetch(abs(path), { cache: cacheMode || (hashed ? "default" : "no-cache"), credentials: "same-origin" });
}

/** This version's file from the cache of another version of this app (same bytes only: never a mix). */
async function anyVersion(path) {
  for (const key of await caches.keys()) {
    if (!key.startsWith(PREFIX) || key === CACHE) continue;
    const ok = await verified(path, await (await caches.open(key)).match(abs(path)));
    if (ok) return ok;
  }
  return undefined;
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(Object.keys(FILES).map(async (path) => {
      // A damaged copy in the HTTP cache gets one more try straight from the server.
      const ok = (await verified(path, await fromNetwork(path))) || (await verified(path, await fromNetwork(path, "reload")));
      if (!ok) throw new Error(`precache: ${path} is missing or not the file of version ${VERSION}`);
      await cache.put(abs(path), ok);
    }));
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

/** A file of this build: this version's cache, checked; else the network (repairing the cache); else any cache. */
async function serve(path, request) {
  let cache = null;
  try {
    cache = await caches.open(CACHE);
    const hit = await verified(path, await cache.match(abs(path)));
    if (hit) return hit;
    await cache.delete(abs(path)); // missing or damaged: forget it
  } catch (e) { /* storage unavailable: the network it is */ }
  try {
    const res = await fromNetwork(path);
    const ok = await verified(path, res.clone());
    if (ok && cache) await cache.put(abs(path), ok.clone()).catch(() => {});
    // A response that is not this version's file (the host already has a newer one) is passed on, not cached.
    return ok || res;
  } catch (e) {
    const old = await anyVersion(path).catch(() => undefined);
    if (old) return old;
    if (request.mode === "navigate") return offlinePage();
    throw e;
  }
}

function offlinePage() {
  const html = '<!doctype html><html lang="ko"><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
    "<title>웹 인프라 진화 — 오프라인</title><h1>오프라인 · Offline</h1>" +
    "<p>이 페이지는 아직 이 기기에 저장되지 않았습니다. 인터넷에 연결한 뒤 다시 여세요.</p>" +
    '<p lang="en">This page is not saved on this device yet. Connect to the internet and open it again.</p>';
  return new Response(html, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  let path = relPath(url);
  if (path === null) return;
  if (path === "") path = INDEX; // the app itself, with any ?query (and #hash, which never reaches here)
  if (!Object.prototype.hasOwnProperty.call(FILES, path)) return; // not ours: the browser's default
  event.respondWith(serve(path, request));
});
