// Runs before the app: says in plain words when the app cannot start, instead of leaving a blank page.
// A classic script on purpose, so that browsers too old for modules or WebAssembly still run it.
(function () {
  "use strict";
  // The theme before first paint, so a dark-mode reader never sees a light flash. The app keeps it after.
  // Same rule as src/theme.rs: a saved "light"/"dark" wins, anything else follows the system.
  try {
    var saved = null;
    try { saved = window.localStorage.getItem("wie.theme"); } catch (e) { /* storage blocked */ }
    var dark = saved === "dark" ||
      (saved !== "light" && !!window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.setAttribute("data-theme", dark ? "dark" : "light");
  } catch (e) { /* an old browser: the light theme it is */ }

  // The language before first paint: the page carries every text in Korean and English and the stylesheet
  // shows the one <html lang> names. Same rule as src/language.rs: the link's ?lang= (its last one), else
  // the saved choice, else Korean if the browser's first language is Korean (ko, ko-KR), else English.
  try {
    var code = function (v) { return v === "ko" || v === "en" ? v : null; };
    var query = location.hash.split("?").slice(1).join("?").split("&"), asked = null;
    for (var i = 0; i < query.length; i++) {
      if (query[i].indexOf("lang=") === 0) asked = code(query[i].slice(5));
    }
    var savedLang = null;
    try { savedLang = code(window.localStorage.getItem("wie.lang")); } catch (e) { /* storage blocked */ }
    var first = (navigator.languages && navigator.languages[0]) || navigator.language || "ko";
    var browser = first.split(/[-_]/)[0].toLowerCase() === "ko" ? "ko" : "en";
    document.documentElement.lang = asked || savedLang || browser;
  } catch (e) { /* an old browser: the page's own Korean */ }

  // A table wider than its box scrolls sideways inside it: mark it (data-scrolls), so the stylesheet shows a
  // shadow at the edge with more. Kept up to date as widths change (the screen turns, the language switches).
  // Independent of the app, so the page without it gets the same hint.
  try {
    // Every width is read before any mark is written: a write between two reads would make the second lay out
    // the page again.
    var mark = function () {
      var wraps = document.querySelectorAll(".table-wrap"), scrolls = [], i;
      for (i = 0; i < wraps.length; i++) scrolls.push(wraps[i].scrollWidth > wraps[i].clientWidth + 1);
      for (i = 0; i < wraps.length; i++) {
        if (scrolls[i] === wraps[i].hasAttribute("data-scrolls")) continue;
        if (scrolls[i]) wraps[i].setAttribute("data-scrolls", "");
        else wraps[i].removeAttribute("data-scrolls");
      }
    };
    document.addEventListener("DOMContentLoaded", function () {
      if (!window.ResizeObserver) return;
      var watch = new ResizeObserver(mark), tables = document.querySelectorAll(".table-wrap, .gen-table");
      for (var i = 0; i < tables.length; i++) watch.observe(tables[i]);
    });
  } catch (e) { /* an old browser: no hint */ }

  // While the app may still start, the page is styled as the app (html.js); if it can't, the prerendered
  // page is shown as a plain document again, with every generation in full.
  var root = document.documentElement;
  root.className += " js";
  function fail() {
    var boot = document.getElementById("boot");
    if (!boot) return; // the app has started; its own errors are shown by its panic hook
    root.className = root.className.replace(/(^|\s)js(\s|$)/g, " ");
    var failed = boot.querySelector(".boot-failed");
    if (failed) {
      failed.hidden = false;
      failed.setAttribute("role", "alert");
    }
  }
  var supported =
    typeof WebAssembly === "object" &&
    typeof Promise === "function" &&
    "noModule" in document.createElement("script");
  if (!supported) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fail);
    else fail();
    return;
  }
  // The loader (the module script Trunk writes: import the glue, then fetch and instantiate the wasm) rejects
  // whenever the app cannot start: the glue or the wasm missing, refused, cut off or not a wasm. That rejection
  // reaches the window as an uncaught error. A file the app does not need failing to load (sw-register.js
  // blocked, say) is not that: its error event stays on its element, and listening in the capture phase, as
  // this did, turned it into "could not load" and took html.js away from the app that then started anyway
  // (no play bar, no settings, every generation printed below). The stylesheet has settled before this runs.
  window.addEventListener("error", function (e) { if (e.target === window) fail(); });
  window.addEventListener("unhandledrejection", fail);
})();
