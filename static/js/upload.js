// Upload with a progress bar (XMLHttpRequest); without JS the plain form still posts.
(function () {
  "use strict";
  document.querySelectorAll("form.js-upload").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.FormData || !window.XMLHttpRequest) { return; }
      event.preventDefault();
      event.stopImmediatePropagation();
      var bar = form.querySelector(".progress-bar");
      var box = form.querySelector(".progress");
      var msg = form.querySelector(".js-upload-message");
      var button = form.querySelector("button[type=submit]");
      var xhr = new XMLHttpRequest();
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
        if (xhr.status === 200 && data.ok) { window.location.reload(); return; }
        msg.className = "small mt-1 text-danger js-upload-message";
        msg.textContent = data.message || (xhr.status === 413 ? "Berkas terlalu besar." : "Unggahan gagal. Coba lagi.");
        button.disabled = false;
        box.classList.add("d-none");
      });
      xhr.addEventListener("error", function () {
        msg.className = "small mt-1 text-danger js-upload-message";
        msg.textContent = "Koneksi terputus. Coba lagi.";
        button.disabled = false;
      });
      box.classList.remove("d-none");
      button.disabled = true;
      msg.className = "small mt-1 js-upload-message";
      msg.textContent = "Mengunggah…";  // the polite live region announces the start
      xhr.send(new FormData(form));
    });
  });
})();
