// Filters for the claim list, and links that land where they point. The page is complete
// without this script: it only hides claims, keeps the choice in the URL fragment
// (#status=conflicting&q=staff), and corrects where a link to a section or a row lands.
(function () {
  "use strict";
  var landing = 0;

  function hashTarget() {
    var id = window.location.hash.replace(/^#/, "");
    if (!id || id.indexOf("=") >= 0) { return null; }
    try { id = decodeURIComponent(id); } catch (e) { return null; }
    return document.getElementById(id);
  }

  // Cards and articles off screen are placeholders (content-visibility: auto) that take
  // their real height only once drawn, so a jump computed over them lands short (by
  // thousands of pixels on the bundled report). Jump without animation, let the browser
  // draw what is now near the screen, and jump again until the target stays put: only
  // what is near the target gets drawn, so the page keeps its fast load.
  function land(target) {
    var run = ++landing;
    var last = null;
    var still = 0;
    var tries = 0;
    function step() {
      if (run !== landing) { return; }
      var top = target.getBoundingClientRect().top;
      still = last !== null && Math.abs(top - last) < 1 ? still + 1 : 0;
      if (still >= 2 || tries >= 40) { return; }
      tries += 1;
      target.scrollIntoView({ block: "start", behavior: "instant" });
      last = target.getBoundingClientRect().top;
      window.requestAnimationFrame(step);
    }
    window.requestAnimationFrame(step);
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='#']");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
        event.shiftKey || event.altKey) { return; }
    // After the browser has followed the link (and set :target), even to the same fragment.
    window.setTimeout(function () { var t = hashTarget(); if (t) { land(t); } }, 0);
  });
  window.addEventListener("hashchange", function () { var t = hashTarget(); if (t) { land(t); } });
  window.addEventListener("load", function () { var t = hashTarget(); if (t) { land(t); } });

  filters();

  function filters() {
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
      var target = hashTarget();
      if (target && target.closest("[hidden]")) {
        write({});
        apply(read());
      }
      if (target) { land(target); }
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
        land(document.getElementById("claims"));
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
  }
}());
