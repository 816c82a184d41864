// Filters for the claim list. The page is complete without this script: it only hides
// claims, and keeps the choice in the URL fragment (#status=conflicting&q=staff).
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form || !window.URLSearchParams) { return; }
  var cards = Array.prototype.slice.call(document.querySelectorAll("[data-filter-item]"));
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-matrix-row]"));
  var count = document.getElementById("filter-count");
  var empty = document.getElementById("filter-empty");
  var keys = ["status", "kind", "article", "q"];
  var text = cards.map(function (card) { return card.textContent.toLowerCase(); });

  function read() {
    var checked = form.querySelector("input[name=status]:checked");
    return {
      status: checked ? checked.value : "",
      kind: form.elements.kind.value,
      article: form.elements.article.value,
      q: form.elements.q.value.trim()
    };
  }

  function write(state) {
    Array.prototype.forEach.call(form.querySelectorAll("input[name=status]"), function (radio) {
      radio.checked = radio.value === (state.status || "");
    });
    ["kind", "article"].forEach(function (name) {
      var select = form.elements[name];
      select.value = state[name] || "";
      if (select.selectedIndex < 0) { select.value = ""; }
    });
    form.elements.q.value = state.q || "";
  }

  function apply(state) {
    var q = (state.q || "").toLowerCase();
    var shown = {};
    var n = 0;
    cards.forEach(function (card, i) {
      var ok = (!state.status || card.dataset.status === state.status) &&
        (!state.kind || card.dataset.kind === state.kind) &&
        (!state.article || (" " + card.dataset.articles + " ").indexOf(" " + state.article + " ") >= 0) &&
        (!q || text[i].indexOf(q) >= 0);
      card.hidden = !ok;
      if (ok) { shown[card.dataset.claim] = true; n += 1; }
    });
    rows.forEach(function (row) { row.hidden = !shown[row.dataset.claim]; });
    var noun = cards.length === 1 ? " claim" : " claims";
    count.textContent = n === cards.length ? "Showing all " + n + noun : "Showing " + n + " of " + cards.length + noun;
    empty.hidden = n > 0 || cards.length === 0;
  }

  function fromHash() {
    var hash = window.location.hash.replace(/^#/, "");
    if (hash.indexOf("=") < 0) { return null; }
    var params = new URLSearchParams(hash);
    var state = {};
    keys.forEach(function (key) { state[key] = params.get(key) || ""; });
    return state;
  }

  function update() {
    var state = read();
    var params = new URLSearchParams();
    keys.forEach(function (key) { if (state[key]) { params.set(key, state[key]); } });
    apply(state);
    var hash = params.toString();
    try {
      history.replaceState(null, "", hash ? "#" + hash : window.location.pathname + window.location.search);
    } catch (e) { /* some viewers forbid it; the filter still works */ }
  }

  function reveal() {
    // A link to a claim or a row the filters hide: clear the filters so it shows.
    var id = decodeURIComponent(window.location.hash.replace(/^#/, ""));
    var target = id && document.getElementById(id);
    if (target && target.closest("[hidden]")) {
      write({});
      apply(read());
      target.scrollIntoView();
    }
  }

  form.hidden = false;
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(update, 0); });
  window.addEventListener("hashchange", function () {
    var state = fromHash();
    if (state) { write(state); apply(state); } else { reveal(); }
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-status-link]"), function (link) {
    var status = link.getAttribute("data-status-link");
    if (!status) { return; }
    link.addEventListener("click", function (event) {
      event.preventDefault();
      write({ status: status });
      update();
      document.getElementById("claims").scrollIntoView();
    });
  });
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (event.key === "/" && tag !== "input" && tag !== "select" && tag !== "textarea") {
      event.preventDefault();
      form.elements.q.focus();
    }
  });
  var initial = fromHash();
  if (initial) { write(initial); }
  apply(read());
}());
