// Upload with a progress bar (XMLHttpRequest); without JS the plain form still posts.
(function () {
  "use strict";
  var KEY = "sisakat-uploaded";
  // The page reloads after a saved upload and the focus would start again at the top: put it
  // on the document just uploaded, whose row now lists the file (read by screen readers).
  var uploaded = null;
  try { uploaded = window.sessionStorage.getItem(KEY); window.sessionStorage.removeItem(KEY); } catch (err) { uploaded = null; }
  document.querySelectorAll("form.js-upload").forEach(function (form) {
    var row = form.closest("li");
    if (uploaded && form.action === uploaded && row) {
      row.setAttribute("tabindex", "-1");
      row.focus();
    }
    form.addEventListener("submit", function (event) {
      if (!window.FormData || !window.XMLHttpRequest) { return; }
      event.preventDefault();
      event.stopImmediatePropagation();
      var bar = form.querySelector(".progress-bar");
      var box = form.querySelector(".progress");
      var msg = form.querySelector(".js-upload-message");
      var input = form.querySelector("input[type=file]");
      var button = form.querySelector("button[type=submit]");
      var xhr = new XMLHttpRequest();
      // The button is disabled while it has the focus, which drops the keyboard to the top of
      // the page: a refused upload puts it back on the file field, which names the problem.
      function fail(text) {
        msg.className = "small mt-1 text-danger js-upload-message";
        msg.textContent = text;
        button.disabled = false;
        box.classList.add("d-none");
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", msg.id);
        input.focus();
      }
      // Over the limit: say so before a byte is sent (a phone on mobile data would upload the
      // whole file only to hear the server refuse it). The server checks again regardless.
      var chosen = input.files && input.files[0];
      var limit = parseInt(form.getAttribute("data-max-bytes") || "0", 10);
      if (chosen && limit && chosen.size > limit) {
        fail(form.getAttribute("data-too-big"));
        return;
      }
      xhr.open("POST", form.action);
      xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) { return; }
        var pct = Math.round((e.loaded / e.total) * 100);
        bar.style.width = pct + "%";
        bar.textContent = pct + "%";
        box.setAttribute("aria-valuenow", String(pct));
      });
      xhr.addEventListener("load", function () {
        var data = {};
        try { data = JSON.parse(xhr.responseText); } catch (err) { data = {}; }
        if (xhr.status === 200 && data.ok) {
          try { window.sessionStorage.setItem(KEY, form.action); } catch (err) { /* no focus then */ }
          window.location.reload();
          return;
        }
        fail(data.message || (xhr.status === 413 ? "Berkas terlalu besar." : "Unggahan gagal. Coba lagi."));
      });
      xhr.addEventListener("error", function () { fail("Koneksi terputus. Coba lagi."); });
      bar.style.width = "0%";  // a retry after a refusal starts from an empty bar
      bar.textContent = "";
      box.classList.remove("d-none");
      button.disabled = true;
      input.removeAttribute("aria-invalid");
      input.removeAttribute("aria-describedby");
      msg.className = "small mt-1 js-upload-message";
      msg.textContent = "Mengunggah…";  // the polite live region announces the start
      xhr.send(new FormData(form));
    });
  });
})();
