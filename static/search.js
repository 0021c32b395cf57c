// Search across articles, people, events and quotes, from search.json (written by the build).
// The page works without this script: it lists the site's index pages instead.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !results) return;
  form.hidden = false;
  var root = form.getAttribute("data-root") || "";
  var entries = null;
  var labels = { article: "Article", person: "Person", event: "Event", organisation: "Organisation", place: "Place", quote: "Quote" };

  function fold(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\u2018\u2019]/g, "'");
  }

  function show(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    results.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var found = entries.filter(function (e) {
      var hay = fold(e.title + " " + e.text);
      return words.every(function (w) { return hay.indexOf(w) !== -1; });
    }).slice(0, 100);
    status.textContent = found.length === 100 ? "The first 100 results" : found.length + (found.length === 1 ? " result" : " results");
    found.forEach(function (e) {
      var li = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "search-kind";
      kind.textContent = labels[e.kind] || e.kind;
      var a = document.createElement("a");
      a.href = root + e.url;
      a.textContent = e.kind === "quote" ? "\u201c" + e.title + "\u201d" : e.title;
      li.appendChild(kind);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(a);
      if (e.text) {
        var p = document.createElement("p");
        p.textContent = e.text;
        li.appendChild(p);
      }
      results.appendChild(li);
    });
  }

  function load(then) {
    if (entries) return then();
    fetch(root + "search.json").then(function (r) { return r.json(); }).then(function (data) {
      entries = data;
      then();
    }).catch(function () {
      status.textContent = "Search needs the site to be served over HTTP; the lists above work everywhere.";
    });
  }

  input.addEventListener("input", function () { load(function () { show(input.value); }); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); load(function () { show(input.value); }); });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { input.value = q; load(function () { show(q); }); }
})();
