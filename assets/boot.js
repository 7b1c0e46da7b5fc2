// Runs before the app: says in plain words when the app cannot start, instead of leaving a blank page.
// A classic script on purpose, so that browsers too old for modules or WebAssembly still run it.
(function () {
  "use strict";
  // The theme before first paint, so a dark-mode reader never sees a light flash. The app keeps it after.
  // Same rule as src/prefs.rs: a saved "light"/"dark" wins, anything else follows the system.
  try {
    var saved = null;
    try { saved = window.localStorage.getItem("wie.theme"); } catch (e) { /* storage blocked */ }
    var dark = saved === "dark" ||
      (saved !== "light" && !!window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
    document.documentElement.setAttribute("data-theme", dark ? "dark" : "light");
  } catch (e) { /* an old browser: the light theme it is */ }

  function fail() {
    var boot = document.getElementById("boot");
    if (!boot) return; // the app has started; its own errors are shown by its panic hook
    var loading = boot.querySelector(".boot-loading");
    var failed = boot.querySelector(".boot-failed");
    if (loading) loading.hidden = true;
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
  // A script, stylesheet or wasm that fails to load, or the loader's rejected promise.
  window.addEventListener("error", fail, true);
  window.addEventListener("unhandledrejection", fail);
})();
