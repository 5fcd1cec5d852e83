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
})();
