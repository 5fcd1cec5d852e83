// Live example of the letter-number format on the numbering settings page.
(function () {
  "use strict";
  var ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
  var form = document.getElementById("numbering-form");
  var out = document.getElementById("number-example");
  if (!form || !out) { return; }
  function value(name) { var el = form.elements[name]; return el ? el.value : ""; }
  function update() {
    var pad = parseInt(value("padding"), 10) || 0;
    var month = parseInt(out.getAttribute("data-month"), 10) || 1;
    var serial = out.getAttribute("data-serial") || "1";
    while (serial.length < pad) { serial = "0" + serial; }
    var tokens = { kode: value("kode"), nomor: serial, unit: value("unit"),
                   tahun: out.getAttribute("data-year"), bulan: month < 10 ? "0" + month : String(month),
                   bulan_romawi: ROMAN[month - 1] };
    var unknown = null;
    var text = value("template").replace(/\{([^{}]*)\}/g, function (all, name) {
      if (Object.prototype.hasOwnProperty.call(tokens, name)) { return tokens[name]; }
      unknown = unknown || all;
      return all;
    });
    out.textContent = unknown ? "Penanda tidak dikenal: " + unknown : text;
  }
  form.addEventListener("input", update);
})();
