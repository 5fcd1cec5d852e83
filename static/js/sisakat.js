// SISAKAT page behaviour (no inline scripts: the CSP forbids them).
(function () {
  "use strict";
  // Confirmation for destructive POST actions: <form data-confirm="...">.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) { event.preventDefault(); return; }
    // Double-click guard: disable submit buttons once the form is on its way.
    if (!event.defaultPrevented) {
      window.setTimeout(function () {
        form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
      }, 0);
    }
  });
  // A form that came back with errors: focus the first field marked invalid, so a keyboard
  // or screen-reader user lands on it and hears its message (aria-describedby).
  var invalid = document.querySelector("main .is-invalid");
  if (invalid && typeof invalid.focus === "function") { invalid.focus(); }
  // Typing in a form is activity: while someone fills a long form, tell the server now and
  // then (at most every 5 minutes) so the idle timeout does not log them out mid-form.
  var keepalive = document.body.getAttribute("data-keepalive");
  var lastPing = Date.now();
  if (keepalive && window.fetch) {
    document.addEventListener("input", function () {
      if (Date.now() - lastPing < 5 * 60 * 1000) { return; }
      lastPing = Date.now();
      window.fetch(keepalive, { credentials: "same-origin", cache: "no-store" });
    });
  }
})();
