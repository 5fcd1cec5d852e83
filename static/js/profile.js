// Party profile: add and remove board-composition rows (the form also works without this).
(function () {
  "use strict";
  var list = document.querySelector("[data-officer-rows]");
  var template = document.getElementById("officer-row-template");
  var addButton = document.querySelector("[data-officer-add]");
  if (!list || !template || !addButton) { return; }
  var max = parseInt(list.getAttribute("data-max"), 10) || 100;
  var next = parseInt(list.getAttribute("data-next-index"), 10) || 0;

  function rowCount() { return list.querySelectorAll("[data-officer-row]").length; }
  function refresh() { addButton.disabled = rowCount() >= max; }

  // Buttons are hidden until this script runs, so a page without JS shows no dead controls.
  document.querySelectorAll("[data-officer-js]").forEach(function (el) {
    el.classList.remove("d-none");
  });

  addButton.addEventListener("click", function () {
    if (rowCount() >= max) { return; }
    var index = String(next);
    var number = String(++next);  // rows are numbered from 1 in labels, as the server does
    var row = template.content.firstElementChild.cloneNode(true);
    // Only our own attributes and label texts are rewritten; no HTML is built from strings.
    row.querySelectorAll("[id], [name], [for], [aria-label]").forEach(function (el) {
      ["id", "name", "for", "aria-label"].forEach(function (attr) {
        var value = el.getAttribute(attr);
        if (value) {
          el.setAttribute(attr, value.split("__index__").join(index).split("__number__").join(number));
        }
      });
    });
    row.querySelectorAll("label").forEach(function (label) {
      label.textContent = label.textContent.split("__number__").join(number);
    });
    list.appendChild(row);
    row.querySelector("input").focus();
    refresh();
  });

  list.addEventListener("click", function (event) {
    var button = event.target.closest("[data-officer-remove]");
    if (!button) { return; }
    var row = button.closest("[data-officer-row]");
    if (row) { row.remove(); }
    refresh();
    addButton.focus();
  });
  refresh();
})();
