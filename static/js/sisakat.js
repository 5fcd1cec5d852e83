// SISAKAT page behaviour (no inline scripts: the CSP forbids them).
(function () {
  "use strict";
  // A file over the upload cap (<input data-max-bytes data-too-big>) is refused beside its
  // field before anything is sent: otherwise the whole form is swapped for the "Berkas terlalu
  // besar" page and what was typed is out of sight.
  function tooBig(input) {
    var max = Number(input.getAttribute("data-max-bytes"));
    return Array.prototype.some.call(input.files || [], function (f) { return f.size > max; });
  }
  function markSize(input) {
    var id = input.id + "-size";
    var msg = document.getElementById(id);
    var big = tooBig(input);
    if (!msg && !big) { return false; }
    var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (x) {
      return x && x !== id;
    });
    if (!msg) {
      msg = document.createElement("div");
      msg.id = id;
      msg.className = "invalid-feedback d-block";
      msg.setAttribute("aria-live", "polite");
      input.insertAdjacentElement("afterend", msg);
    }
    msg.textContent = big ? input.getAttribute("data-too-big") : "";
    if (big) { described.push(id); input.setAttribute("aria-invalid", "true"); }
    else if (!input.classList.contains("is-invalid")) { input.removeAttribute("aria-invalid"); }
    if (described.length) { input.setAttribute("aria-describedby", described.join(" ")); }
    else { input.removeAttribute("aria-describedby"); }
    return big;
  }
  // The server's refusal under a file field (<div id="<field id>-error">: "Berkas bukan gambar
  // PNG atau JPEG", "PDF terkunci") is about the file it was sent: once another file is chosen
  // it would read as a verdict on the new one, so it goes until the next answer.
  function clearServerError(input) {
    var id = input.id + "-error";
    var msg = input.id && document.getElementById(id);
    if (!msg) { return; }
    msg.remove();
    input.classList.remove("is-invalid");
    input.removeAttribute("aria-invalid");
    var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (x) {
      return x && x !== id;
    });
    if (described.length) { input.setAttribute("aria-describedby", described.join(" ")); }
    else { input.removeAttribute("aria-describedby"); }
  }
  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("input[type=file]")) {
      clearServerError(event.target);
    }
    if (event.target.matches && event.target.matches("input[type=file][data-max-bytes]")) {
      markSize(event.target);
    }
  });
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var big = Array.prototype.filter.call(
      form.querySelectorAll("input[type=file][data-max-bytes]"), markSize);
    if (big.length) { event.preventDefault(); event.stopImmediatePropagation(); big[0].focus(); }
  }, true);
  // Fields that count only while a checkbox is ticked (<input data-enabled-by="box id">: a
  // day's hours on Jam layanan) are disabled while it is not, so they look and are announced
  // unavailable and Tab skips them; they are enabled again on submit, so they are still sent.
  function followBox(box) {
    document.querySelectorAll("[data-enabled-by]").forEach(function (input) {
      if (input.getAttribute("data-enabled-by") === box.id) { input.disabled = !box.checked; }
    });
  }
  document.querySelectorAll("[data-enabled-by]").forEach(function (input) {
    var box = document.getElementById(input.getAttribute("data-enabled-by"));
    if (box && !input.classList.contains("is-invalid")) { input.disabled = !box.checked; }
  });
  document.addEventListener("change", function (event) {
    if (event.target.type === "checkbox" && event.target.id) { followBox(event.target); }
  });
  // A page of several forms (<form data-unsaved>: each complaint-category row, and the add
  // form): sending one, or leaving by a link, drops what was typed in another; ask first.
  var typedIn = [];
  var sending = null;
  var UNSAVED = "Perubahan di formulir lain pada halaman ini belum disimpan dan akan hilang. " +
    "Lanjutkan?";
  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-unsaved") && typedIn.indexOf(form) < 0) {
      typedIn.push(form);
    }
  });
  function unsavedElsewhere(form) {
    return typedIn.some(function (f) { return f !== form; }) ? UNSAVED : null;
  }
  window.addEventListener("beforeunload", function (event) {
    if (!sending && typedIn.length) { event.preventDefault(); event.returnValue = ""; }
  });
  // Confirmation for destructive POST actions: <form data-confirm="...">, or on the one button
  // of a shared form that is final (<button data-confirm="...">: "Tolak" on the review).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var button = event.submitter;
    var question = (button && button.getAttribute("data-confirm")) ||
      form.getAttribute("data-confirm") || unsavedElsewhere(form);
    if (question && !window.confirm(question)) { event.preventDefault(); return; }
    // Double-click guard: disable submit buttons once the form is on its way.
    if (!event.defaultPrevented) {
      sending = form;
      form.querySelectorAll("[data-enabled-by]").forEach(function (i) { i.disabled = false; });
      window.setTimeout(function () {
        form.querySelectorAll("button[type=submit]").forEach(function (b) { b.disabled = true; });
      }, 0);
    }
  });
  // Show password: the toggle beside each password field (<button data-reveal="field id"
  // aria-pressed>, _macros/forms.html) shows what was typed and hides it again; a button, so
  // Tab reaches it and Space or Enter presses it. Sending the form hides every field again.
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-reveal]") : null;
    var input = button && document.getElementById(button.getAttribute("data-reveal"));
    if (input) { reveal(button, input, input.type === "password"); }
  });
  function reveal(button, input, show) {
    input.type = show ? "text" : "password";
    button.setAttribute("aria-pressed", show ? "true" : "false");
    button.title = show ? "Sembunyikan kata sandi" : "Tampilkan kata sandi";
    button.firstElementChild.className = show ? "bi bi-eye-slash" : "bi bi-eye";
  }
  document.addEventListener("submit", function (event) {
    if (event.defaultPrevented) { return; }
    event.target.querySelectorAll("button[data-reveal][aria-pressed=true]").forEach(function (b) {
      var input = document.getElementById(b.getAttribute("data-reveal"));
      if (input) { reveal(b, input, false); }
    });
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
