// Counts one reading of the public page that holds a feedback panel. Sent after the
// page has loaded, so pages served from a cache still count and most crawlers,
// which run no scripts, do not.
document.addEventListener("DOMContentLoaded", function () {
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
});
