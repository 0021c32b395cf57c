// Full-text search over the site, from the index the build writes under search/ (see
// src/render/search.rs): a query fetches the index's small meta file, the one shard of each
// of its words, the lists of the documents it shows, and the pages of the first articles
// found, for the lines that hold the words. Without this script the page lists the index pages.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!form || !input || !results || !window.fetch || !window.TextEncoder) return;
  form.hidden = false;
  var root = form.getAttribute("data-root") || "";
  var labels = { a: "Article", p: "Person", e: "Event", o: "Organisation", l: "Place" };
  var SHOWN = 20;
  var SNIPPETS = 10;
  // As STOP_WORDS in search.rs.
  var STOP = new Set(("a about after all also an and any are as at be been but by can could did do does for from had " +
    "has have he her his how i if in into is it its me my no not of on or our out she so than that the their them then " +
    "there they this to up was we were what when which who will with would you your").split(" "));
  var encoder = new TextEncoder();

  // As `terms` and `stem` in search.rs: one word's term, or null.
  function term(word) {
    var folded = word.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
    var n = Array.from(folded).length;
    if (n < 2 || encoder.encode(folded).length > 40 || STOP.has(folded)) return null;
    if (n > 4 && /ies$/.test(folded) && !/[ea]ies$/.test(folded)) return folded.slice(0, -3) + "y";
    if (n > 3 && /s$/.test(folded) && !/(us|ss)$/.test(folded)) return folded.slice(0, -1);
    return folded;
  }
  var WORD = /[\p{L}\p{N}]+/gu;
  function terms(text) {
    var out = [];
    (text.match(WORD) || []).forEach(function (w) {
      var t = term(w);
      if (t && out.indexOf(t) === -1) out.push(t);
    });
    return out;
  }
  // As `shard_of` in search.rs: FNV-1a (32 bits) of the UTF-8 bytes.
  function shardOf(t, shards) {
    var bytes = encoder.encode(t);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  }

  var meta = null;
  var cache = {};
  function get(path) {
    if (!cache[path]) {
      var version = meta ? "?v=" + meta.version : "";
      cache[path] = fetch(root + path + version).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    }
    return cache[path];
  }
  function loadMeta() {
    return meta ? Promise.resolve(meta) : get("search/meta.json").then(function (m) { meta = m; return m; });
  }

  // The documents with any of the query's terms: [{doc, score, matched}], best first.
  function rank(queryTerms) {
    return Promise.all(queryTerms.map(function (t) {
      return get("search/terms/" + shardOf(t, meta.shards) + ".json").then(function (shard) {
        return Object.prototype.hasOwnProperty.call(shard, t) ? shard[t] : [];
      });
    })).then(function (lists) {
      var found = new Map();
      lists.forEach(function (list) {
        var doc = 0;
        for (var i = 0; i < list.length; i += 2) {
          doc += list[i];
          var hit = found.get(doc) || { doc: doc, score: 0, matched: 0 };
          hit.score += list[i + 1];
          hit.matched += 1;
          found.set(doc, hit);
        }
      });
      return Array.from(found.values()).sort(function (a, b) {
        return b.matched - a.matched || b.score - a.score || a.doc - b.doc;
      });
    });
  }

  function docs(hits) {
    var per = meta.docs_per_chunk;
    return Promise.all(hits.map(function (hit) {
      return get("search/docs/" + Math.floor(hit.doc / per) + ".json").then(function (chunk) {
        return chunk[hit.doc % per];
      });
    }));
  }

  // The text of `element` with the words whose term is wanted marked, as DOM nodes.
  function marked(text, wanted, into) {
    var last = 0;
    text.replace(WORD, function (w, at) {
      var t = term(w);
      if (t && wanted.indexOf(t) !== -1) {
        into.appendChild(document.createTextNode(text.slice(last, at)));
        var m = document.createElement("mark");
        m.textContent = w;
        into.appendChild(m);
        last = at + w.length;
      }
      return w;
    });
    into.appendChild(document.createTextNode(text.slice(last)));
  }

  // The words around the first place an article's page holds one of the terms.
  function snippet(url, wanted, into) {
    fetch(root + url).then(function (r) { return r.ok ? r.text() : ""; }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var body = page.querySelector(".article-body") || page.querySelector("main");
      if (!body) return;
      var text = body.textContent.replace(/\s+/g, " ").trim();
      var at = -1;
      text.replace(WORD, function (w, i) {
        var t = term(w);
        if (at === -1 && t && wanted.indexOf(t) !== -1) at = i;
        return w;
      });
      if (at === -1) return;
      var start = Math.max(0, text.lastIndexOf(" ", Math.max(0, at - 90)));
      var end = text.indexOf(" ", Math.min(text.length, at + 150));
      if (end === -1) end = text.length;
      var p = document.createElement("p");
      p.className = "search-snippet";
      marked((start > 0 ? "\u2026" : "") + text.slice(start, end).trim() + (end < text.length ? " \u2026" : ""), wanted, p);
      into.appendChild(p);
    }).catch(function () {});
  }

  var current = 0;
  function show(query) {
    var run = ++current;
    var queryTerms = terms(query);
    results.textContent = "";
    if (!queryTerms.length) { status.textContent = query.trim() ? "Those words are too common to search for." : ""; return; }
    loadMeta().then(function () { return rank(queryTerms); }).then(function (hits) {
      if (run !== current) return;
      var all = hits.filter(function (h) { return h.matched === queryTerms.length; });
      var list = all.length ? all : hits;
      if (!list.length) { status.textContent = "No results."; return; }
      status.textContent = (all.length ? "" : "No page has every word; pages with some of them: ") +
        list.length + (list.length === 1 ? " result" : " results");
      more(list, 0, queryTerms, run);
    }).catch(function () {
      status.textContent = "Search needs the site to be served over HTTP; the lists below work everywhere.";
    });
  }

  function more(list, from, queryTerms, run) {
    var old = document.getElementById("search-more");
    if (old) old.remove();
    docs(list.slice(from, from + SHOWN)).then(function (found) {
      if (run !== current) return;
      found.forEach(function (d, k) {
        if (!d) return;
        var li = document.createElement("li");
        var kind = document.createElement("span");
        kind.className = "search-kind";
        kind.textContent = labels[d[0]] || d[0];
        var a = document.createElement("a");
        a.href = root + d[1];
        marked(d[2], queryTerms, a);
        li.appendChild(kind);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(a);
        if (d[3]) {
          var line = document.createElement("p");
          line.className = "meta";
          line.textContent = d[3];
          li.appendChild(line);
        }
        results.appendChild(li);
        if (d[0] === "a" && from + k < SNIPPETS) snippet(d[1], queryTerms, li);
      });
      if (from + SHOWN < list.length) {
        var button = document.createElement("button");
        button.id = "search-more";
        button.type = "button";
        button.textContent = "More results";
        button.addEventListener("click", function () { more(list, from + SHOWN, queryTerms, run); });
        results.insertAdjacentElement("afterend", button);
      }
    });
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 150);
  });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); show(input.value); });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { input.value = q; show(q); }
})();
