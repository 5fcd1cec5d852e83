// Upload with a progress bar (XMLHttpRequest); without JS the plain form still posts.
// A secretary often picks the PDF of every requirement first, as on a paper form, and then
// presses one "Unggah": a reload after the first upload would drop the other chosen files
// without a word. So the files chosen in other rows go up one after the other, and the page
// reloads only when none is left; a refused one keeps its message (no reload) while the rows
// already saved say so. Ajukan pressed with files still chosen sends them first (and is held
// back when one of them comes with a warning to read); leaving the page by a link while a
// chosen file waits asks first.
(function () {
  "use strict";
  var KEY = "sisakat-uploaded";
  // The page reloads after a saved upload and the focus would start again at the top: put it
  // on the document just uploaded, whose row now lists the file (read by screen readers).
  var uploaded = null;
  try { uploaded = window.sessionStorage.getItem(KEY); window.sessionStorage.removeItem(KEY); } catch (err) { uploaded = null; }
  var forms = Array.prototype.slice.call(document.querySelectorAll("form.js-upload"));
  var busy = 0;
  var after = null;  // Ajukan (Ajukan Ulang) pressed while chosen files still waited
  var leaving = false;  // our own reload or Ajukan: the files are saved, nothing to ask

  // A form whose chosen file still waits: not sent, not saved, not refused as it stands.
  function waiting(form) {
    var input = form.querySelector("input[type=file]");
    return !form.dataset.state && input.files && input.files.length > 0;
  }

  function next() {
    var form = forms.filter(waiting)[0];
    if (form) { send(form, true); return; }
    if (busy === 0 && !forms.some(function (f) { return f.dataset.state === "refused"; })) {
      leaving = true;
      if (after) { after.submit(); return; }
      window.location.reload();
    }
  }

  // ``chained``: not the row whose Unggah was pressed; the server then flashes no plain
  // "tersimpan" for it (the reloaded row lists the file), only a warning it carries.
  function send(form, chained) {
    var bar = form.querySelector(".progress-bar");
    var box = form.querySelector(".progress");
    var msg = form.querySelector(".js-upload-message");
    var input = form.querySelector("input[type=file]");
    var button = form.querySelector("button[type=submit]");
    var xhr = new XMLHttpRequest();
    // The button is disabled while it has the focus, which drops the keyboard to the top of
    // the page: a refused upload puts it back on the file field, which names the problem.
    function fail(text) {
      form.dataset.state = "refused";
      after = null;  // the refusal is read first; Ajukan is pressed again after it is fixed
      msg.className = "small mt-1 text-danger js-upload-message";
      msg.textContent = text;
      button.disabled = false;
      box.classList.add("d-none");
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", msg.id);
      input.focus();
    }
    function done(ok, text) {
      busy -= 1;
      if (ok) {
        form.dataset.state = "saved";
        msg.className = "small mt-1 text-success js-upload-message";
        msg.textContent = text || "Tersimpan.";
        box.classList.add("d-none");
        try { window.sessionStorage.setItem(KEY, form.action); } catch (err) { /* no focus then */ }
      } else {
        fail(text);
      }
      next();
    }
    // Over the limit: say so before a byte is sent (a phone on mobile data would upload the
    // whole file only to hear the server refuse it). The server checks again regardless.
    var chosen = input.files && input.files[0];
    var limit = parseInt(form.getAttribute("data-max-bytes") || "0", 10);
    if (chosen && limit && chosen.size > limit) {
      busy += 1;
      done(false, form.getAttribute("data-too-big"));
      return;
    }
    form.dataset.state = "sending";
    busy += 1;
    xhr.open("POST", form.action);
    xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    if (chained) { xhr.setRequestHeader("X-Sisakat-Chained", "1"); }
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
        // A saved file with a warning (the same file as another requirement's) is read
        // before Ajukan: the page reloads showing it, and Ajukan is pressed again.
        if (data.check) { after = null; }
        done(true, data.message);
        return;
      }
      done(false, data.message || (xhr.status === 413 ? "Berkas terlalu besar." : "Unggahan gagal. Coba lagi."));
    });
    xhr.addEventListener("error", function () { done(false, "Koneksi terputus. Coba lagi."); });
    bar.style.width = "0%";  // a retry after a refusal starts from an empty bar
    bar.textContent = "";
    box.classList.remove("d-none");
    button.disabled = true;
    input.removeAttribute("aria-invalid");
    input.removeAttribute("aria-describedby");
    msg.className = "small mt-1 js-upload-message";
    msg.textContent = "Mengunggah…";  // the polite live region announces the start
    xhr.send(new FormData(form));
  }

  // Ajukan pressed after choosing files but before pressing Unggah: those files go up first,
  // then the application is submitted (it would otherwise leave the page, dropping them, and
  // answer that the documents are missing). Capture phase: before the double-click guard.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-after-uploads")) { return; }
    if (!window.FormData || !window.XMLHttpRequest || !forms.some(waiting)) { return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    after = form;
    next();
  }, true);

  // Leaving by a link (Beranda, Lengkapi profil) would drop the chosen files: ask first.
  window.addEventListener("beforeunload", function (event) {
    if (!leaving && forms.some(waiting)) { event.preventDefault(); event.returnValue = ""; }
  });

  forms.forEach(function (form) {
    var row = form.closest("li");
    if (uploaded && form.action === uploaded && row) {
      row.setAttribute("tabindex", "-1");
      row.focus();
    }
    // Another file chosen in a refused or saved row waits to be sent again.
    form.querySelector("input[type=file]").addEventListener("change", function () {
      if (form.dataset.state !== "sending") { delete form.dataset.state; }
    });
    form.addEventListener("submit", function (event) {
      if (!window.FormData || !window.XMLHttpRequest) { return; }
      event.preventDefault();
      event.stopImmediatePropagation();
      if (form.dataset.state === "sending") { return; }
      delete form.dataset.state;  // pressed again: this file is sent, whatever came before
      send(form, false);
    });
  });
})();
