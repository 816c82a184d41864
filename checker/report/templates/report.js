// Filters for the claim list, links that land where they point, and evidence rows shown on demand.
// The page is complete without this script: it only hides claims, keeps the choice in the URL
// fragment (#status=conflicting&q=staff), corrects where a link to a section or a row lands, and
// shows the evidence rows packed past the printed ones.
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

  var searchable = filters();
  packedRows(searchable);

  function filters() {
    var form = document.getElementById("filters");
    if (!form || !window.URLSearchParams) { return function () {}; }
    var cards = Array.prototype.slice.call(document.querySelectorAll("[data-filter-item]"));
    var rows = Array.prototype.slice.call(document.querySelectorAll("[data-matrix-row]"));
    var count = document.getElementById("filter-count");
    var empty = document.getElementById("filter-empty");
    var keys = ["status", "kind", "article", "q"];
    // Each card's words, read at the first search rather than at load (thousands of rows at archive
    // size), and read again once a card shows its packed rows.
    var text = null;
    function words(i) {
      if (!text) { text = cards.map(function () { return null; }); }
      if (text[i] === null) { text[i] = cards[i].textContent.toLowerCase(); }
      return text[i];
    }

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
          (!q || words(i).indexOf(q) >= 0);
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
    return function (card) {
      var i = cards.indexOf(card);
      if (text && i >= 0) { text[i] = null; }
    };
  }

  // Rows past the printed ones travel packed (checker/report/packing.py): base64 of deflated JSON in
  // a data block the browser never runs. A button under the table decodes them with the browser's
  // own DecompressionStream (every current browser has it) and builds each row as the template
  // prints one (_macros.html, mention_table): every string goes in as text, never as markup.
  function packedRows(searchable) {
    if (!window.DecompressionStream || !window.Blob || !window.Response) { return; }
    Array.prototype.forEach.call(document.querySelectorAll(".more .unpack"), function (span) {
      span.hidden = false;
    });
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button[data-pack]");
      if (!button || button.disabled) { return; }
      button.disabled = true;
      var line = button.closest(".more");
      var body = line.previousElementSibling.querySelector("tbody");
      unpack(document.getElementById(button.getAttribute("data-pack"))).then(function (pack) {
        var rows = document.createDocumentFragment();
        pack.rows.forEach(function (row) { rows.appendChild(evidenceRow(pack, row)); });
        body.appendChild(rows);
        button.replaceWith(document.createTextNode("Shown above."));
        searchable(line.closest("[data-filter-item]"));
      });
    });
  }

  function unpack(block) {
    var binary = window.atob(block.textContent);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) { bytes[i] = binary.charCodeAt(i); }
    var stream = new Blob([bytes]).stream().pipeThrough(new window.DecompressionStream("deflate"));
    return new Response(stream).text().then(JSON.parse);
  }

  var SVG = "http://www.w3.org/2000/svg";

  function node(tag, attributes, children) {
    var element = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      element.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return element;
  }

  function icon(name) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "i");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var use = document.createElementNS(SVG, "use");
    use.setAttribute("href", "#" + name);
    svg.appendChild(use);
    return svg;
  }

  function date(article) {
    return article[5] ? node("time", { datetime: article[5] }, [article[4]]) : article[4];
  }

  function pieces(list) {
    return list.map(function (p) { return typeof p === "string" ? p : node("mark", { "class": "kw" }, [p[0]]); });
  }

  // One row of packed evidence; `row` is packing.py's list, its article and verdict by index.
  function evidenceRow(pack, row) {
    var article = pack.articles[row[1]];
    var verdict = pack.verdicts[row[3]];
    var meta = (article[3] ? [article[3] + " · "] : []).concat([date(article)]);
    var judged = [node("span", { "class": "badge badge-" + verdict[0] }, [icon(verdict[2]), verdict[1]])];
    row[4].forEach(function (c) { judged.push(node("span", { "class": "caveat", title: c[1] }, [icon("i-caveat"), c[0]])); });
    if (row[5]) {
      judged.push(node("span", { "class": "when", title: "The sentence speaks of another time than the claim's date." },
                       [icon("i-clock"), row[5]]));
    }
    if (row[6]) { judged.push(node("span", { "class": "when" }, [row[6]])); }
    var quote = [row[7]].concat(pieces(row[8]));
    if (row[9]) { quote.push(node("mark", { "class": "hit-" + verdict[0] }, [row[9]])); }
    quote = quote.concat(pieces(row[10]), [row[11]]);
    var context = [node("span", { "class": "quote" }, quote)];
    if (row[12]) {
      context.push(" ", node("a", { "class": "goto", href: row[12] },
                             ["in article", node("span", { "class": "vh" }, [" " + article[6]])]));
    }
    if (row[13]) { context.push(" ", node("span", { "class": "page" }, [row[13]])); }
    var score = { "class": "num", "data-label": "Confidence" };
    if (row[15]) { score.title = row[15]; }
    return node("tr", { id: row[0], "class": "row-" + verdict[0] }, [
      node("td", { "class": "art", "data-label": "Article" },
           [node("a", { href: article[0], title: article[1] }, [article[2]]), node("span", { "class": "meta" }, meta)]),
      node("td", { "class": "value", "data-label": "Found" }, [row[2]]),
      node("td", { "class": "verdict", "data-label": "Verdict" }, judged),
      node("td", { "class": "context", "data-label": "In context" }, context),
      node("td", score, [row[14]])
    ]);
  }
}());
