// Counts one reading of the public page that holds a feedback panel. Sent after the
// page has loaded, so pages served from a cache still count and most crawlers,
// which run no scripts, do not. A cached page loads its panel afterwards, with this
// script in it: then the page is already loaded and the count is sent at once.
function countReading() {
  var panel = document.querySelector("[data-view-url]");
  if (!panel) {
    return;
  }
  var token = panel.querySelector("input[name=csrfmiddlewaretoken]");
  fetch(panel.getAttribute("data-view-url"), {
    method: "POST",
    credentials: "same-origin",
    headers: { "X-CSRFToken": token ? token.value : "" },
  });
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", countReading);
} else {
  countReading();
}
