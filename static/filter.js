// Narrows a person's first page by outlet and period, in the page: each article (its quote
// group, or its card when it has no quotes from them) carries data-source and data-date, a
// period is a prefix of the date.
// Without this script the form stays hidden and every article shows.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var status = document.getElementById("filter-status");
  if (!form || !status) return;
  var items = document.querySelectorAll("[data-source]");
  // A select is left out when it would offer one choice.
  function value(name) {
    var select = form.elements[name];
    return select ? select.value : "";
  }
  function apply() {
    var source = value("source"), period = value("period"), shown = 0;
    items.forEach(function (el) {
      el.hidden = (source && el.getAttribute("data-source") !== source) ||
        (period && (el.getAttribute("data-date") || "").indexOf(period) !== 0);
    });
    items.forEach(function (el) { if (!el.hidden) shown++; });
    status.textContent = shown + " of " + items.length + " articles shown";
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
})();
