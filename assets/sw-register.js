// Registers sw.js (offline copy) and offers a waiting new version instead of swapping it under the reader.
// Optional by design: without service workers (file://, private modes, a failed registration) nothing changes.
(function () {
  "use strict";
  var sw = navigator.serviceWorker;
  if (!sw || !/^https?:$/.test(location.protocol) || !window.Promise) return;
  // Only the hosted app (its page links the manifest; the build writes sw.js beside it), never a copy without one.
  if (!document.querySelector('link[rel="manifest"]')) return;
  var accepted = false, prompt = null, had = !!sw.controller;
  function reload() { location.reload(); } // the URL hash keeps the app's state
  function el(tag, cls, text, lang) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    if (lang) e.lang = lang;
    return e;
  }
  // The "새 버전 / New version — reload" prompt; `worker` is the waiting worker (null: already switched).
  function offer(worker) {
    if (prompt) { prompt.worker = worker || prompt.worker; return; }
    var box = el("div", "sw-update"), text = el("p", "sw-update-text");
    box.setAttribute("role", "status");
    text.append(el("span", "", "새 버전이 있습니다.", "ko"), " ", el("span", "", "A new version is available.", "en"));
    var go = el("button", "sw-update-reload", "새로 고침 · Reload"), later = el("button", "sw-update-later", "나중에 · Later");
    go.type = later.type = "button";
    box.append(text, go, later);
    prompt = { worker: worker };
    go.onclick = function () {
      go.disabled = accepted = true;
      var w = prompt.worker;
      if (w && w.state === "installed") {
        w.postMessage({ type: "SKIP_WAITING" }); // then controllerchange reloads
        setTimeout(reload, 4000);
      } else reload();
    };
    later.onclick = function () { box.remove(); };
    document.body.append(box);
  }
  function track(w) {
    // "installed" while a worker controls the page: a new version waits (the first install is not news).
    if (w) w.addEventListener("statechange", function () { if (w.state === "installed" && sw.controller) offer(w); });
  }
  function watch(reg) {
    if (!reg) return; // service workers blocked by policy
    if (reg.waiting && sw.controller) offer(reg.waiting);
    track(reg.installing); // an update the browser began before this ran
    reg.addEventListener("updatefound", function () { track(reg.installing); });
    var check = function () { reg.update().catch(function () {}); }; // offline: later
    setInterval(check, 3600000);
    document.addEventListener("visibilitychange", function () { if (!document.hidden) check(); });
    window.addEventListener("online", check); // a deploy made while the reader was offline
  }
  sw.addEventListener("controllerchange", function () {
    if (accepted) reload();
    else if (had) offer(null); // another tab switched versions; this one still runs the old one
    had = true;
  });
  function register() {
    sw.register("./sw.js", { scope: "./", updateViaCache: "none" }).then(watch, function () {});
  }
  if (document.readyState === "complete") register(); // after load: never competes with the first paint
  else addEventListener("load", register);
})();
