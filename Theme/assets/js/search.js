// Full-text search over the index the build writes (SearchIndexWriter): the directory names the shards;
// a query fetches the shards of its words (and of its neighbouring word pairs, for phrases), ranks every
// matching document, then fetches only the store files of the results it shows.
//
// Words are split and folded as the build's SearchTokenizer does: runs of letters, digits and marks;
// matching ignores marks (d matches đ), ranking puts the marks as typed first.
var PortalSearch = (function () {
  "use strict";
  var K1 = 1.2;
  var PAGE_SIZE = 10;
  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

  function foldWord(text) {
    return text.normalize("NFD").replace(MARKS, "").replace(/[đĐƉ]/g, "d").toLowerCase();
  }

  function tokens(text) {
    var found = [];
    var words = text.match(WORD) || [];
    for (var i = 0; i < words.length; i++) {
      var folded = foldWord(words[i]);
      if (folded.length === 0) { continue; }
      found.push({ folded: folded, marked: words[i].normalize("NFC").toLowerCase() });
    }
    return found;
  }

  // Keys are ordered by UTF-8 bytes in the index, which is code point order (not UTF-16 order).
  function compareKeys(a, b) {
    var ia = 0;
    var ib = 0;
    while (ia < a.length && ib < b.length) {
      var ca = a.codePointAt(ia);
      var cb = b.codePointAt(ib);
      if (ca !== cb) { return ca < cb ? -1 : 1; }
      ia += ca > 0xffff ? 2 : 1;
      ib += cb > 0xffff ? 2 : 1;
    }
    if (ia < a.length) { return 1; }
    return ib < b.length ? -1 : 0;
  }

  // The shard that holds `key`: the last one whose first key is not after it.
  function shardFor(firstKeys, key) {
    var low = 0;
    var high = firstKeys.length - 1;
    if (high < 0 || compareKeys(key, firstKeys[0]) < 0) { return high < 0 ? -1 : 0; }
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (compareKeys(firstKeys[middle], key) <= 0) { low = middle; } else { high = middle - 1; }
    }
    return low;
  }

  // The index's strings of numbers (SearchIndexWriter.appendNumber): base 32, most significant digit
  // first; a digit below 32 ends a number, 32 and above is a leading digit (its value plus 32).
  var DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = new Int8Array(128).fill(-1);
  for (var d = 0; d < DIGITS.length; d++) { DIGIT[DIGITS.charCodeAt(d)] = d; }

  function numbers(text) {
    var found = [];
    var value = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text.charCodeAt(i)];
      if (digit >= 32) { value = value * 32 + digit - 32; } else { found.push(value * 32 + digit); value = 0; }
    }
    return found;
  }

  // The documents of a string of gaps (the documents skipped before each).
  function gaps(text) {
    var documents = [];
    var document = -1;
    numbers(text).forEach(function (gap) { document += gap + 1; documents.push(document); });
    return documents;
  }

  // A word's entry as a map from document number to {code, mask}: [key, forms, postings, masks], each
  // posting gap * 32 + code; or, for a word in more than 90 % of the documents, [key, forms, [weight,
  // documents, absent, title, mask exceptions]]: every document but the absent has the weight, the
  // title flag if listed, mask 1 but for the exceptions (gap, mask).
  function decodeWord(entry) {
    var forms = entry[1];
    var postings = new Map();
    if (Array.isArray(entry[2])) {
      var dense = entry[2];
      var absent = new Set(gaps(dense[2]));
      var title = new Set(gaps(dense[3]));
      for (var doc = 0; doc < dense[1]; doc++) {
        if (!absent.has(doc)) { postings.set(doc, { code: dense[0] * 2 + (title.has(doc) ? 1 : 0), mask: 1 }); }
      }
      var exceptions = numbers(dense[4] || "");
      var at = -1;
      for (var e = 0; e + 1 < exceptions.length; e += 2) {
        at += exceptions[e] + 1;
        var posting = postings.get(at);
        if (posting) { posting.mask = exceptions[e + 1]; }
      }
      return { forms: forms, postings: postings };
    }
    var values = numbers(entry[2]);
    var masks = forms.length > 1 ? numbers(entry[3]) : null;
    var document = -1;
    for (var i = 0; i < values.length; i++) {
      document += Math.floor(values[i] / 32) + 1;
      postings.set(document, { code: values[i] % 32, mask: masks ? masks[i] : 1 });
    }
    return { forms: forms, postings: postings };
  }

  // A pair's entry ([key, documents, title documents], each a string of gaps) as {documents: Set, title: Set}.
  function decodePair(entry) {
    return { documents: new Set(gaps(entry[1])), title: new Set(gaps(entry[2])) };
  }

  function idf(count, frequency) {
    return Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5));
  }

  // Ranks the documents that have the query's words. `words[i]` is the decoded entry of query word i
  // (null when the index has no such word), `pairs[i]` that of words i and i+1. Documents that have every
  // word come first (all of them, when some document does: a word typed is a word wanted); then, when
  // the query has marks, those with more words written exactly as typed; then the score: BM25 over the
  // quantised weights, a bonus for a title match above any body match, and for each neighbouring pair
  // found as a phrase; newer (lower number) first on ties.
  function rank(query, words, pairs, count, accept) {
    var scores = new Map();
    var hasMarks = query.some(function (token) { return token.marked !== token.folded; });
    query.forEach(function (token, index) {
      var word = words[index];
      if (!word) { return; }
      var weight = idf(count, word.postings.size);
      var exactBit = -1;
      for (var f = 0; f < word.forms.length; f++) { if (word.forms[f] === token.marked) { exactBit = f; } }
      word.postings.forEach(function (posting, document) {
        if (accept && !accept(document)) { return; }
        var result = scores.get(document);
        if (!result) { result = { document: document, matched: 0, exact: 0, score: 0, seen: [] }; scores.set(document, result); }
        if (result.seen.indexOf(token.folded) >= 0) { return; }
        result.seen.push(token.folded);
        var exact = exactBit >= 0 && (posting.mask & (1 << exactBit)) !== 0;
        var quantised = (posting.code >> 1) / 15 * (K1 + 1);
        result.matched += 1;
        if (exact) { result.exact += 1; }
        result.score += weight * quantised * (hasMarks && token.marked !== token.folded && !exact ? 0.5 : 1);
        if (posting.code & 1) { result.score += weight * (K1 + 1); }
      });
    });
    pairs.forEach(function (pair, index) {
      if (!pair) { return; }
      var weight = (words[index] ? idf(count, words[index].postings.size) : 0)
        + (words[index + 1] ? idf(count, words[index + 1].postings.size) : 0);
      pair.documents.forEach(function (document) {
        var result = scores.get(document);
        if (!result) { return; }
        result.score += weight * (pair.title.has(document) ? 1.5 : 0.75);
      });
    });
    var distinct = new Set(query.map(function (token) { return token.folded; })).size;
    var results = Array.from(scores.values());
    if (results.some(function (result) { return result.matched === distinct; })) {
      results = results.filter(function (result) { return result.matched === distinct; });
    }
    results.sort(function (a, b) {
      if (a.matched !== b.matched) { return b.matched - a.matched; }
      if (hasMarks && a.exact !== b.exact) { return b.exact - a.exact; }
      if (Math.abs(a.score - b.score) > 1e-9) { return b.score - a.score; }
      return a.document - b.document;
    });
    return results;
  }

  // The part of `text` around the first word the query has (the first written with the marks as typed,
  // when the query has marks and the text such a word), as pieces {text, mark}; every word of the query
  // in that part is marked. Text with none of the words gives its start.
  function excerpt(text, query, width) {
    width = width || 220;
    return cut(text, query, width, false);
  }

  // All of `text` as pieces, every word of the query marked (a result's title).
  function marked(text, query) {
    return cut(text, query, text.length, true);
  }

  function cut(text, query, width, whole) {
    var wanted = new Set(query.map(function (token) { return token.folded; }));
    var exact = new Set(query.filter(function (token) { return token.marked !== token.folded; })
      .map(function (token) { return token.marked; }));
    var spans = [];
    var first = -1;
    var firstExact = -1;
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      var hit = wanted.has(foldWord(match[0]));
      spans.push({ start: match.index, end: match.index + match[0].length, hit: hit });
      if (hit && first < 0) { first = match.index; }
      if (hit && firstExact < 0 && exact.has(match[0].normalize("NFC").toLowerCase())) { firstExact = match.index; }
    }
    if (firstExact >= 0) { first = firstExact; }
    var start = 0;
    if (!whole && first > 60) {
      start = text.lastIndexOf(" ", first - 60) + 1;
      if (start < 0 || first - start > 100) { start = first - 60; }
    }
    var end = Math.min(text.length, start + width);
    if (end < text.length) {
      var space = text.lastIndexOf(" ", end);
      if (space > first + 20 && space > start) { end = space; }
    }
    var pieces = [];
    function push(piece, mark) {
      if (!piece) { return; }
      var last = pieces[pieces.length - 1];
      if (last && last.mark === mark) { last.text += piece; } else { pieces.push({ text: piece, mark: mark }); }
    }
    if (start > 0) { push("… ", false); }
    var at = start;
    spans.forEach(function (span) {
      if (!span.hit || span.end <= start || span.start >= end) { return; }
      push(text.slice(at, span.start), false);
      push(text.slice(span.start, span.end), true);
      at = span.end;
    });
    push(text.slice(at, end), false);
    if (end < text.length) { push(" …", false); }
    return pieces;
  }

  // The documents a filter keeps, as a test on the document number; null for no filter.
  function filterTest(directory, filterData, filterValues) {
    var tests = [];
    if (filterValues.kind) {
      var kind = String(directory.kinds.findIndex(function (k) { return k[0] === filterValues.kind; }));
      tests.push(function (document) { return filterData.k[document] === kind; });
    }
    if (filterValues.pillar) {
      var number = directory.pillars.findIndex(function (p) { return p[0] === filterValues.pillar; });
      var letter = number < 0 ? "?" : String.fromCharCode(97 + number % 26);
      tests.push(function (document) { return filterData.p[document] === letter; });
    }
    if (filterValues.year) {
      var ranges = directory.years.filter(function (range) { return String(range[0]) === String(filterValues.year); });
      tests.push(function (document) {
        return ranges.some(function (range) { return document >= range[1] && document < range[2]; });
      });
    }
    if (tests.length === 0) { return null; }
    return function (document) { return tests.every(function (test) { return test(document); }); };
  }

  return { tokens: tokens, foldWord: foldWord, compareKeys: compareKeys, shardFor: shardFor, numbers: numbers,
           decodeWord: decodeWord, decodePair: decodePair, rank: rank, excerpt: excerpt, marked: marked, filterTest: filterTest, PAGE_SIZE: PAGE_SIZE };
})();

if (typeof module !== "undefined" && module.exports) {
  module.exports = PortalSearch;
} else {
  (function () {
    "use strict";
    var root = document.querySelector("[data-search-index]");
    var form = document.querySelector("[data-search-form]");
    var input = document.querySelector("[data-search-input]");
    var status = document.querySelector("[data-search-status]");
    var list = document.querySelector("[data-search-results]");
    var pager = document.querySelector("[data-search-pager]");
    if (!root || !form || !input || !status || !list || !pager) { return; }
    var selects = { kind: form.elements.loai, pillar: form.elements["chuyen-muc"], year: form.elements.nam };
    var directoryURL = new URL(root.getAttribute("data-search-index"), document.baseURI);
    var cache = new Map();
    var directory = null;
    var lastRun = 0;

    function fetchJSON(path) {
      var url = new URL(path, directoryURL).href;
      if (!cache.has(url)) {
        cache.set(url, fetch(url).then(function (response) {
          if (!response.ok) { throw new Error("HTTP " + response.status); }
          return response.json();
        }).catch(function (error) { cache.delete(url); throw error; }));
      }
      return cache.get(url);
    }

    function loadDirectory() {
      return fetchJSON(directoryURL.href).then(function (data) {
        if (!directory) {
          directory = data;
          fillSelect(selects.kind, data.kinds);
          fillSelect(selects.pillar, data.pillars);
          var years = [];
          data.years.forEach(function (range) { if (years.indexOf(range[0]) < 0) { years.push(range[0]); } });
          fillSelect(selects.year, years.map(function (year) { return [String(year), String(year)]; }));
          readFiltersFromURL();
        }
        return data;
      });
    }

    function fillSelect(select, options) {
      if (!select || select.options.length > 1) { return; }
      options.forEach(function (option) {
        var element = document.createElement("option");
        element.value = option[0];
        element.textContent = option[1];
        select.appendChild(element);
      });
    }

    function readFiltersFromURL() {
      var params = new URLSearchParams(window.location.search);
      [["kind", "loai"], ["pillar", "chuyen-muc"], ["year", "nam"]].forEach(function (pair) {
        var value = params.get(pair[1]);
        if (selects[pair[0]] && value !== null) { selects[pair[0]].value = value; }
      });
    }

    function entryFor(key) {
      var shard = PortalSearch.shardFor(directory.shards, key);
      if (shard < 0) { return Promise.resolve(null); }
      return fetchJSON(directory.paths.shard + shard + ".json").then(function (entries) {
        for (var i = 0; i < entries.length; i++) { if (entries[i][0] === key) { return entries[i]; } }
        return null;
      });
    }

    function appendPieces(element, pieces) {
      pieces.forEach(function (piece) {
        if (piece.mark) {
          var mark = document.createElement("mark");
          mark.textContent = piece.text;
          element.appendChild(mark);
        } else {
          element.appendChild(document.createTextNode(piece.text));
        }
      });
    }

    function filterValues() {
      return { kind: selects.kind ? selects.kind.value : "", pillar: selects.pillar ? selects.pillar.value : "",
               year: selects.year ? selects.year.value : "" };
    }

    function updateURL(query, page) {
      var url = new URL(window.location.href);
      var values = filterValues();
      [["q", query], ["loai", values.kind], ["chuyen-muc", values.pillar], ["nam", values.year],
       ["trang", page > 1 ? String(page) : ""]].forEach(function (pair) {
        if (pair[1]) { url.searchParams.set(pair[0], pair[1]); } else { url.searchParams.delete(pair[0]); }
      });
      window.history.replaceState(null, "", url);
    }

    function run(page, moveFocus) {
      var query = input.value.trim();
      var run = ++lastRun;
      var words = PortalSearch.tokens(query);
      if (words.length === 0) {
        updateURL(query, page);
        list.textContent = "";
        pager.textContent = "";
        status.textContent = query ? "Hãy nhập chữ hoặc số để tìm." : "";
        return;
      }
      status.textContent = "Đang tìm…";
      loadDirectory().then(function () {
        updateURL(query, page);
        var values = filterValues();
        var needsFilters = values.kind || values.pillar;
        var pairKeys = [];
        for (var i = 0; i + 1 < words.length; i++) { pairKeys.push(words[i].folded + " " + words[i + 1].folded); }
        return Promise.all([
          Promise.all(words.map(function (word) { return entryFor(word.folded); })),
          Promise.all(pairKeys.map(entryFor)),
          needsFilters ? fetchJSON(directory.paths.filters) : Promise.resolve(null),
        ]).then(function (found) {
          var decodedWords = found[0].map(function (entry) { return entry ? PortalSearch.decodeWord(entry) : null; });
          var decodedPairs = found[1].map(function (entry) { return entry ? PortalSearch.decodePair(entry) : null; });
          var accept = PortalSearch.filterTest(directory, found[2], values);
          var results = PortalSearch.rank(words, decodedWords, decodedPairs, directory.docs, accept);
          var pages = Math.max(1, Math.ceil(results.length / PortalSearch.PAGE_SIZE));
          var current = Math.min(Math.max(1, page), pages);
          var shown = results.slice((current - 1) * PortalSearch.PAGE_SIZE, current * PortalSearch.PAGE_SIZE);
          return Promise.all(shown.map(function (result) {
            var chunk = Math.floor(result.document / directory.chunk);
            return fetchJSON(directory.paths.chunk + chunk + ".json").then(function (documents) {
              return documents[result.document % directory.chunk];
            });
          })).then(function (documents) {
            if (run !== lastRun) { return; }
            show(query, words, results.length, documents, current, pages, moveFocus);
          });
        });
      }).catch(function () {
        if (run !== lastRun) { return; }
        status.textContent = "Không tải được dữ liệu tìm kiếm. Vui lòng thử lại.";
      });
    }

    function show(query, words, total, documents, page, pages, moveFocus) {
      list.textContent = "";
      pager.textContent = "";
      if (total === 0) {
        status.textContent = "Không tìm thấy kết quả nào cho “" + query + "”.";
        return;
      }
      status.textContent = "Tìm thấy " + total + " kết quả cho “" + query + "”"
        + (pages > 1 ? ", trang " + page + "/" + pages : "") + ".";
      list.start = (page - 1) * PortalSearch.PAGE_SIZE + 1;
      documents.forEach(function (row) {
        var item = document.createElement("li");
        item.className = "search-result";
        var heading = document.createElement("h2");
        heading.className = "search-result__title";
        var link = document.createElement("a");
        link.href = row[2];
        appendPieces(link, PortalSearch.marked(row[1], words));
        heading.appendChild(link);
        var meta = document.createElement("p");
        meta.className = "search-result__meta";
        var kind = directory.kinds[row[0]];
        var parts = [kind ? kind[1] : ""];
        if (row[3]) { parts.push(row[3]); }
        if (row[4] >= 0 && directory.pillars[row[4]]) { parts.push(directory.pillars[row[4]][1]); }
        meta.textContent = parts.filter(Boolean).join(" · ");
        var text = document.createElement("p");
        text.className = "search-result__excerpt";
        appendPieces(text, PortalSearch.excerpt(row[5], words));
        item.appendChild(heading);
        item.appendChild(meta);
        item.appendChild(text);
        list.appendChild(item);
      });
      if (pages > 1) {
        [["Trang trước", page - 1, page > 1], ["Trang sau", page + 1, page < pages]].forEach(function (entry) {
          if (!entry[2]) { return; }
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = entry[0];
          button.addEventListener("click", function () { run(entry[1], true); });
          pager.appendChild(button);
        });
      }
      if (moveFocus) {
        var first = list.querySelector("a");
        if (first) { first.focus(); }
      }
    }

    var timer = null;
    form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(1, false); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { run(1, false); }, 250); });
    Object.keys(selects).forEach(function (name) {
      if (selects[name]) { selects[name].addEventListener("change", function () { run(1, false); }); }
    });
    var params = new URLSearchParams(window.location.search);
    var initial = params.get("q");
    if (initial) {
      input.value = initial;
      loadDirectory().then(function () { run(parseInt(params.get("trang") || "1", 10) || 1, false); })
        .catch(function () { status.textContent = "Không tải được dữ liệu tìm kiếm. Vui lòng thử lại."; });
    } else {
      // The directory is fetched as the page opens, not with the first query: a query then waits
      // only for its shards and its results' store files.
      loadDirectory().catch(function () {});
    }
  })();
}
