// Search over the index the build writes (/tim-kiem/chi-muc.json), fetched only when a reader searches.
// Matching ignores Vietnamese marks ("chuyen doi so" finds "chuyển đổi số", d matches đ); results
// that match with the marks as typed rank above those that match only without them.
(function () {
  var form = document.querySelector("[data-search-form]");
  var input = document.querySelector("[data-search-input]");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  if (!form || !input || !status || !list) { return; }
  var documents = null;
  var loading = null;

  // One folded character per original character, so a match in the folded text maps back to the
  // original for highlighting.
  function fold(text) {
    var folded = "";
    var map = [];
    for (var i = 0; i < text.length; i++) {
      var part = text[i].normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/đ/g, "d");
      for (var j = 0; j < part.length; j++) { folded += part[j]; map.push(i); }
    }
    return { text: folded, map: map };
  }

  function load() {
    if (documents) { return Promise.resolve(documents); }
    if (!loading) {
      // Beside the search page, whose address the form posts to: the site may live under a sub-path.
      loading = fetch(new URL("chi-muc.json", form.action).href).then(function (response) {
        if (!response.ok) { throw new Error("HTTP " + response.status); }
        return response.json();
      }).then(function (data) {
        documents = data.v1.map(function (row) {
          var haystack = [row[1], row[4], row[5]].join(" ");
          return { kind: row[0], title: row[1], url: row[2], date: row[3], summary: row[4],
                   lower: haystack.toLowerCase(), folded: fold(haystack).text,
                   titleLower: row[1].toLowerCase(), titleFolded: fold(row[1]).text };
        });
        return documents;
      });
    }
    return loading;
  }

  function terms(query, folded) {
    var text = folded ? fold(query).text : query.toLowerCase();
    return text.split(/\s+/).filter(function (term) { return term.length > 0; });
  }

  function score(doc, foldedTerms, exactTerms) {
    var total = 0;
    for (var i = 0; i < foldedTerms.length; i++) {
      if (doc.folded.indexOf(foldedTerms[i]) < 0) { return 0; }
      total += doc.titleFolded.indexOf(foldedTerms[i]) >= 0 ? 3 : 1;
      if (doc.lower.indexOf(exactTerms[i]) >= 0) { total += 5; }
      if (doc.titleLower.indexOf(exactTerms[i]) >= 0) { total += 2; }
    }
    var phrase = fold(input.value.trim()).text;
    if (foldedTerms.length > 1 && doc.folded.indexOf(phrase) >= 0) { total += 4; }
    return total;
  }

  // Wraps every folded match of the terms in <mark>, building DOM nodes (never HTML strings).
  function highlight(element, text, foldedTerms) {
    var folded = fold(text);
    var marked = new Array(text.length).fill(false);
    foldedTerms.forEach(function (term) {
      var from = 0;
      var at;
      while (term.length > 0 && (at = folded.text.indexOf(term, from)) >= 0) {
        for (var k = at; k < at + term.length; k++) { marked[folded.map[k]] = true; }
        from = at + term.length;
      }
    });
    var i = 0;
    while (i < text.length) {
      var j = i;
      while (j < text.length && marked[j] === marked[i]) { j++; }
      var piece = text.slice(i, j);
      if (marked[i]) {
        var mark = document.createElement("mark");
        mark.textContent = piece;
        element.appendChild(mark);
      } else {
        element.appendChild(document.createTextNode(piece));
      }
      i = j;
    }
  }

  function show(query) {
    list.textContent = "";
    var foldedTerms = terms(query, true);
    var exactTerms = terms(query, false);
    if (foldedTerms.length === 0) { status.textContent = ""; return; }
    var results = documents.map(function (doc) { return { doc: doc, score: score(doc, foldedTerms, exactTerms) }; })
      .filter(function (result) { return result.score > 0; })
      .sort(function (a, b) { return b.score - a.score; })
      .slice(0, 50);
    status.textContent = results.length === 0
      ? "Không tìm thấy kết quả nào cho “" + query + "”."
      : "Tìm thấy " + results.length + " kết quả cho “" + query + "”.";
    results.forEach(function (result) {
      var doc = result.doc;
      var item = document.createElement("li");
      item.className = "search-result";
      var heading = document.createElement("h2");
      heading.className = "search-result__title";
      var link = document.createElement("a");
      link.href = doc.url;
      highlight(link, doc.title, foldedTerms);
      heading.appendChild(link);
      var meta = document.createElement("p");
      meta.className = "search-result__meta";
      meta.textContent = doc.kind + (doc.date ? " · " + doc.date : "");
      item.appendChild(heading);
      item.appendChild(meta);
      if (doc.summary) {
        var summary = document.createElement("p");
        highlight(summary, doc.summary, foldedTerms);
        item.appendChild(summary);
      }
      list.appendChild(item);
    });
  }

  var timer = null;
  function search() {
    var query = input.value.trim();
    var url = new URL(window.location.href);
    if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
    window.history.replaceState(null, "", url);
    if (!query) { list.textContent = ""; status.textContent = ""; return; }
    status.textContent = "Đang tìm…";
    load().then(function () { show(query); }).catch(function () {
      status.textContent = "Không tải được dữ liệu tìm kiếm. Vui lòng thử lại.";
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 200); });
  input.addEventListener("focus", function () { load().catch(function () {}); }, { once: true });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; search(); }
})();
