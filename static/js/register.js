// Sign-up: show only the fields of the chosen kind of applicant (the form also works without
// this: both groups are then shown and the server reads the ones the chosen kind needs).
(function () {
  "use strict";
  var choices = document.querySelectorAll("[data-kind-choice]");
  var groups = document.querySelectorAll("fieldset[data-kind]");
  if (!choices.length || !groups.length) { return; }

  function chosen() {
    for (var i = 0; i < choices.length; i++) {
      if (choices[i].checked) { return choices[i].value; }
    }
    return "parpol";
  }

  function refresh() {
    var kind = chosen();
    groups.forEach(function (group) {
      group.hidden = group.getAttribute("data-kind") !== kind;
    });
  }

  choices.forEach(function (choice) { choice.addEventListener("change", refresh); });
  refresh();
}());
