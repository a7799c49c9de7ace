/* Text size and high contrast, chosen in the header and remembered in this browser.
   Loaded in <head> so that the remembered choice applies before the page is drawn. */
(function () {
  "use strict";
  var SIZES = ["text-sm", "", "text-lg", "text-xl"];
  var root = document.documentElement;

  function read(key, fallback) {
    try { return window.localStorage.getItem(key) || fallback; } catch (e) { return fallback; }
  }
  function write(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { /* private mode: not remembered */ }
  }
  function sizeIndex() {
    var i = parseInt(read("nq-text-size", "1"), 10);
    return i >= 0 && i < SIZES.length ? i : 1;
  }
  function apply() {
    SIZES.forEach(function (c) { if (c) { root.classList.remove(c); } });
    var size = SIZES[sizeIndex()];
    if (size) { root.classList.add(size); }
    root.classList.toggle("high-contrast", read("nq-contrast", "") === "high");
  }
  apply();

  /* A table wider than the window scrolls inside its frame; keyboard users reach that
     scrolling only if the frame can take focus, so frames that do scroll are made focusable. */
  function focusableScrolling(scope) {
    scope.querySelectorAll(".table-responsive").forEach(function (frame) {
      if (frame.scrollWidth > frame.clientWidth + 1) {
        frame.setAttribute("tabindex", "0");
        frame.setAttribute("role", "region");
        var heading = frame.querySelector("caption") || frame.previousElementSibling;
        frame.setAttribute("aria-label", heading && heading.textContent.trim() ? heading.textContent.trim().slice(0, 80) : document.title);
      } else if (frame.getAttribute("role") === "region") {
        frame.removeAttribute("tabindex");
        frame.removeAttribute("role");
        frame.removeAttribute("aria-label");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusableScrolling(document);
    window.addEventListener("resize", function () { focusableScrolling(document); });
    document.body.addEventListener("htmx:afterSwap", function (event) { focusableScrolling(event.target); });
    var toggle = document.querySelector("[data-contrast-toggle]");
    function showPressed() {
      if (toggle) { toggle.setAttribute("aria-pressed", String(root.classList.contains("high-contrast"))); }
    }
    showPressed();
    if (toggle) {
      toggle.addEventListener("click", function () {
        write("nq-contrast", root.classList.contains("high-contrast") ? "" : "high");
        apply();
        showPressed();
      });
    }
    document.querySelectorAll("[data-text-size]").forEach(function (button) {
      button.addEventListener("click", function () {
        var step = button.getAttribute("data-text-size");
        var i = step === "normal" ? 1 : sizeIndex() + (step === "larger" ? 1 : -1);
        write("nq-text-size", String(Math.max(0, Math.min(SIZES.length - 1, i))));
        apply();
      });
    });
  });
}());
