// Reading preferences (contrast, text size) that persist between pages. Loaded in <head> so the
// chosen look applies before the first paint; without JavaScript the page keeps its default look.
(function () {
  var root = document.documentElement;
  var sizes = [-1, 0, 1, 2];
  function read(key) {
    try { return window.localStorage.getItem(key); } catch (error) { return null; }
  }
  function write(key, value) {
    try { window.localStorage.setItem(key, value); } catch (error) { /* private mode: keep for this page only */ }
  }
  function apply() {
    root.classList.toggle("high-contrast", read("portal-contrast") === "on");
    var size = parseInt(read("portal-font-size") || "0", 10);
    sizes.forEach(function (step) { root.classList.remove("font-size-" + step); });
    if (sizes.indexOf(size) >= 0 && size !== 0) { root.classList.add("font-size-" + size); }
  }
  apply();
  document.addEventListener("DOMContentLoaded", function () {
    var panel = document.querySelector("[data-preferences]");
    if (!panel) { return; }
    panel.hidden = false;
    var contrast = panel.querySelector("[data-contrast]");
    function showContrast() { contrast.setAttribute("aria-pressed", root.classList.contains("high-contrast") ? "true" : "false"); }
    showContrast();
    contrast.addEventListener("click", function () {
      write("portal-contrast", root.classList.contains("high-contrast") ? "off" : "on");
      apply();
      showContrast();
    });
    panel.querySelectorAll("[data-font-size]").forEach(function (button) {
      button.addEventListener("click", function () {
        var step = parseInt(button.getAttribute("data-font-size"), 10);
        var current = parseInt(read("portal-font-size") || "0", 10);
        var next = step === 0 ? 0 : Math.max(-1, Math.min(2, current + step));
        write("portal-font-size", String(next));
        apply();
      });
    });
  });
})();
