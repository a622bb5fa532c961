// The site's stylesheet and script, compiled in so that the binary is all
// an export needs. No external fonts, scripts or requests: the site works
// from file:// and from any sub-path of a static host.
#include "site_assets.hpp"

namespace hros::detail {

const char* site_css() {
  return R"hros_css(:root { --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #0b5cad; --bg: #fff; --soft: #f4f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, input:focus-visible, button:focus-visible, summary:focus-visible { outline: 3px solid #f0a400; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; z-index: 10; }
header.site { border-bottom: 1px solid var(--line); background: var(--soft); }
header.site .wrap { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; }
header.site .brand { font-weight: 700; font-size: 1.15rem; text-decoration: none; color: var(--fg); }
header.site nav ul { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; margin: 0; padding: 0; }
.wrap { max-width: 72rem; margin: 0 auto; padding: .75rem 1rem; }
main.wrap { padding-top: 1.5rem; padding-bottom: 3rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: .2rem 0 .8rem; }
.search { display: flex; gap: .5rem; margin-bottom: 1rem; }
.search input { flex: 1; min-width: 0; font: inherit; padding: .55rem .7rem; border: 1px solid var(--muted); border-radius: 6px; }
.search button, #more { font: inherit; padding: .5rem .9rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 6px; cursor: pointer; }
.layout { display: grid; grid-template-columns: 1fr; gap: 1.5rem; }
@media (min-width: 52rem) { .layout { grid-template-columns: 15rem 1fr; } }
#facets { display: none; }
.js #facets { display: block; }
.facet { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 .8rem; padding: .3rem .7rem .6rem; }
.facet legend { font-weight: 600; padding: 0 .3rem; }
.facet-values { max-height: 14rem; overflow-y: auto; }
.facet-value { display: flex; gap: .4rem; align-items: center; padding: .1rem 0; cursor: pointer; }
.facet-value .v { flex: 1; }
.facet-value .n { color: var(--muted); font-size: .85rem; font-variant-numeric: tabular-nums; }
.facet-value.empty { opacity: .45; }
#count { color: var(--muted); margin: 0 0 .5rem; }
ol.cases { list-style: none; padding: 0; margin: 0; }
li.case { border-bottom: 1px solid var(--line); padding: .7rem 0; }
li.case h3 { margin: 0; font-size: 1.1rem; }
.meta { color: var(--muted); margin: .1rem 0; font-size: .92rem; }
.summary { margin: .3rem 0 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 1rem 0; padding: .8rem 1rem; background: var(--soft); border-radius: 6px; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; }
@media (max-width: 30rem) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .4rem; } }
.kind { text-transform: uppercase; letter-spacing: .05em; font-size: .8rem; color: var(--muted); margin: 0; }
.lead { font-size: 1.1rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.up { color: #1a7f37; } .down { color: #b42318; }
.body h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.body img { max-width: 100%; }
.body pre { overflow-x: auto; background: var(--soft); padding: .7rem; }
ul.related, ul.groups { padding-left: 1.2rem; }
figure.chart { margin: 0 0 2rem; }
figure.chart figcaption { font-weight: 600; margin-bottom: .4rem; }
svg.bars { width: 100%; height: auto; max-width: 48rem; }
svg.bars text { font: 12px system-ui, sans-serif; fill: var(--fg); }
svg.bars rect { fill: var(--accent); }
footer.site { border-top: 1px solid var(--line); color: var(--muted); font-size: .9rem; }
)hros_css";
}

const char* site_search_js() {
  return R"hros_js(// The search page of an hros site. Data comes from search-index.js
// (window.HROS_INDEX), loaded by a <script> tag so the site works from
// file://, where fetch() of local files is blocked.
(function () {
  "use strict";
  var X = window.HROS_INDEX;
  var form = document.getElementById("search");
  if (!X || !form) {
    return;
  }
  var N = X.n;
  var D = X.docs;
  var ALPHA = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = new Int8Array(128).fill(-1);
  for (var a = 0; a < ALPHA.length; a++) {
    DIGIT[ALPHA.charCodeAt(a)] = a;
  }
  // Weight of a posting by where the term occurs: body 1, summary 2,
  // title/topics/organisation 4, combined.
  var WEIGHT = [0, 1, 2, 3, 5, 6, 7, 8];
  var STOP = new Set(X.stop);
  var PAGE = 50;

  function tokens(text) {
    var lower = text.replace(/[A-Z]+/g, function (m) { return m.toLowerCase(); });
    var found = lower.match(/[a-z0-9\u0080-\uffff]+/g) || [];
    return found.filter(function (t) { return t.length >= 2 && !STOP.has(t); });
  }

  // The first index in the sorted terms not less than `t`.
  function lowerBound(t) {
    var lo = 0, hi = X.terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (X.terms[mid] < t) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  function decode(list, factor, out) {
    var doc = -1, value = 0, shift = 0;
    for (var i = 0; i < list.length; i++) {
      var d = DIGIT[list.charCodeAt(i)];
      if (d >= 32) { value |= (d - 32) << shift; shift += 5; continue; }
      value |= d << shift;
      doc += value >> 3;
      var s = WEIGHT[value & 7] * factor;
      if (s > out[doc]) { out[doc] = s; }
      value = 0; shift = 0;
    }
  }

  var termScore = new Float32Array(N);
  var score = new Float32Array(N);
  var hits = new Uint8Array(N);

  // Ranked case numbers for a query: every term must match (as a word or a
  // word's start); score = sum of weight x idf, exact words above prefixes.
  function match(query) {
    var words = tokens(query);
    if (words.length === 0) {
      return null;
    }
    score.fill(0);
    hits.fill(0);
    for (var w = 0; w < words.length; w++) {
      termScore.fill(0);
      var t = words[w];
      var at = lowerBound(t);
      // A word of three or more characters also matches the words it
      // starts ("interview" finds "interviews"); two characters only itself.
      var expand = t.length >= 3 ? 200 : 1;
      for (var k = at; k < X.terms.length && k < at + expand; k++) {
        var term = X.terms[k];
        if (term.lastIndexOf(t, 0) !== 0) { break; }
        var list = X.postings[k];
        var idf = Math.log(1 + N / (1 + list.length / 1.5));
        decode(list, idf * (term.length === t.length ? 1 : 0.7), termScore);
      }
      for (var d = 0; d < N; d++) {
        if (termScore[d] > 0) { score[d] += termScore[d]; hits[d]++; }
      }
    }
    var ids = [];
    for (var e = 0; e < N; e++) {
      if (hits[e] === words.length) { ids.push(e); }
    }
    ids.sort(function (x, y) { return score[y] - score[x] || x - y; });
    return ids;
  }

  var FACETS = X.facetOrder;
  function valuesOf(facet, doc) {
    var v = D[facet][doc];
    return typeof v === "number" ? (v < 0 ? [] : [v]) : v;
  }
  function passes(doc, selected, skip) {
    for (var f = 0; f < FACETS.length; f++) {
      var facet = FACETS[f];
      var chosen = selected[facet];
      if (facet === skip || chosen.size === 0) { continue; }
      var values = valuesOf(facet, doc), ok = false;
      for (var i = 0; i < values.length; i++) {
        if (chosen.has(values[i])) { ok = true; break; }
      }
      if (!ok) { return false; }
    }
    return true;
  }

  // The whole search: query, then facets (any value within a facet, every
  // facet), and per facet value the count it would have if chosen.
  function search(query, selected) {
    var started = performance.now();
    var ranked = match(query);
    var pool = ranked;
    if (pool === null) {
      pool = new Array(N);
      for (var i = 0; i < N; i++) { pool[i] = i; }
    }
    var results = [];
    var counts = {};
    FACETS.forEach(function (f) { counts[f] = new Int32Array(X.facets[f].length); });
    for (var p = 0; p < pool.length; p++) {
      var doc = pool[p];
      var all = passes(doc, selected, null);
      if (all) { results.push(doc); }
      for (var f = 0; f < FACETS.length; f++) {
        var facet = FACETS[f];
        if (all || (selected[facet].size > 0 && passes(doc, selected, facet))) {
          var values = valuesOf(facet, doc);
          for (var v = 0; v < values.length; v++) { counts[facet][values[v]]++; }
        }
      }
    }
    var took = performance.now() - started;
    window.hrosLastSearchMs = took;
    return { ids: results, counts: counts, ms: took };
  }
  window.hrosSearch = function (query, chosen) {
    var selected = {};
    FACETS.forEach(function (f) {
      selected[f] = new Set(((chosen || {})[f] || []).map(function (v) {
        return X.facets[f].indexOf(String(v));
      }));
    });
    return search(query || "", selected);
  };

  // --- the page -----------------------------------------------------------
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var count = document.getElementById("count");
  var more = document.getElementById("more");
  var facetBox = document.getElementById("facets");
  var selected = {};
  var boxes = {};
  var current = [];
  var shown = 0;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  FACETS.forEach(function (facet) {
    selected[facet] = new Set();
    boxes[facet] = [];
    var group = el("fieldset", "facet");
    group.appendChild(el("legend", "", X.facetLabels[facet]));
    var holder = el("div", "facet-values");
    X.facets[facet].forEach(function (value, index) {
      var label = el("label", "facet-value");
      var box = el("input");
      box.type = "checkbox";
      box.name = facet;
      box.value = value;
      box.addEventListener("change", function () {
        if (box.checked) { selected[facet].add(index); } else { selected[facet].delete(index); }
        update();
      });
      var n = el("span", "n", "");
      label.appendChild(box);
      label.appendChild(el("span", "v", value));
      label.appendChild(n);
      holder.appendChild(label);
      boxes[facet].push({ label: label, count: n, box: box });
    });
    group.appendChild(holder);
    facetBox.appendChild(group);
  });

  function item(doc) {
    var li = el("li", "case");
    var h = el("h3");
    var link = el("a", "", D.title[doc]);
    link.href = "cases/" + D.page[doc] + ".html";
    h.appendChild(link);
    li.appendChild(h);
    var meta = [D.org[doc], X.facets.industry[D.industry[doc]], D.date[doc]]
      .filter(function (x) { return x; }).join(" \u00b7 ");
    li.appendChild(el("p", "meta", meta));
    li.appendChild(el("p", "summary", D.summary[doc]));
    return li;
  }

  function showMore() {
    var end = Math.min(current.length, shown + PAGE);
    var fragment = document.createDocumentFragment();
    for (var i = shown; i < end; i++) { fragment.appendChild(item(current[i])); }
    list.appendChild(fragment);
    shown = end;
    more.hidden = shown >= current.length;
  }

  function update() {
    var result = search(input.value, selected);
    current = result.ids;
    shown = 0;
    list.textContent = "";
    showMore();
    count.textContent = current.length === 1 ? "1 case" : current.length + " cases";
    FACETS.forEach(function (facet) {
      boxes[facet].forEach(function (b, index) {
        var n = result.counts[facet][index];
        b.count.textContent = String(n);
        b.label.classList.toggle("empty", n === 0 && !b.box.checked);
      });
    });
  }

  var timer = 0;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(update, 30);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    update();
  });
  more.addEventListener("click", showMore);
  document.body.classList.add("js");
  update();
})();
)hros_js";
}

} // namespace hros::detail
