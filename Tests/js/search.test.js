// The search script's pure functions (Theme/assets/js/search.js): splitting and folding, the shard
// lookup, ranking and excerpts, over entries written in the index's own format (SearchIndexWriter).
// Run: node --test Tests/js
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const S = require("../../Theme/assets/js/search.js");

// Numbers as the index writes them (SearchIndexWriter.appendNumber): base 32, leading digits 32 up.
const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
function encode(values) {
  return values.map((value) => {
    let text = DIGITS[value % 32];
    for (let rest = Math.floor(value / 32); rest > 0; rest = Math.floor(rest / 32)) { text = DIGITS[32 + (rest % 32)] + text; }
    return text;
  }).join("");
}

// A word entry as the index writes it: [key, forms, postings(, masks)]; a posting is gap * 32 + code,
// the gap the documents skipped since the previous posting; code = weight (1...15) * 2 + title flag.
function word(key, forms, postings) {
  const values = [];
  const masks = [];
  let previous = -1;
  for (const [document, weight, title, mask] of postings) {
    values.push((document - previous - 1) * 32 + weight * 2 + (title ? 1 : 0));
    masks.push(mask);
    previous = document;
  }
  return S.decodeWord(forms.length > 1 ? [key, forms, encode(values), encode(masks)] : [key, forms, encode(values)]);
}

function pair(key, documents, title = []) {
  const gaps = (list) => encode(list.map((d, i) => d - (i === 0 ? -1 : list[i - 1]) - 1));
  return S.decodePair([key, gaps(documents), gaps(title)]);
}

const order = (results) => results.map((r) => r.document);

test("the index's numbers read back: one character below 32, leading digits above", () => {
  assert.deepEqual(S.numbers("0V"), [0, 31]);
  assert.deepEqual(S.numbers("X0"), [32]);
  assert.deepEqual(S.numbers(encode([0, 31, 32, 1023, 1024, 30000 * 32 + 31, 5])), [0, 31, 32, 1023, 1024, 30000 * 32 + 31, 5]);
  const entry = S.decodeWord(["so", ["số", "sổ"], encode([3, 32 * 4 + 30, 7]), encode([1, 3, 2])]);
  assert.deepEqual([...entry.postings], [[0, { code: 3, mask: 1 }], [5, { code: 30, mask: 3 }], [6, { code: 7, mask: 2 }]]);
  assert.deepEqual([...S.decodePair(["so lieu", encode([2, 0, 40]), ""]).documents], [2, 3, 44]);
});

test("a word in nearly every document lists the documents without it, the titles with it and the other marks", () => {
  // Ten documents; 3 lacks the word, 0 and 7 have it in the title, 5 writes it "sổ" only (mask 2).
  const entry = S.decodeWord(["so", ["số", "sổ"], [6, 10, encode([3]), encode([0, 6]), encode([5, 2])]]);
  assert.deepEqual([...entry.postings.keys()], [0, 1, 2, 4, 5, 6, 7, 8, 9]);
  assert.deepEqual(entry.postings.get(0), { code: 13, mask: 1 });
  assert.deepEqual(entry.postings.get(5), { code: 12, mask: 2 });
  assert.deepEqual(entry.postings.get(7), { code: 13, mask: 1 });
  // Ranked with marks, the exact form comes first; without, the title matches, then the newer.
  assert.deepEqual(order(S.rank(S.tokens("sổ"), [entry], [], 10)).slice(0, 1), [5]);
  assert.deepEqual(order(S.rank(S.tokens("so"), [entry], [], 10)).slice(0, 3), [0, 7, 1]);
});

test("words are split and folded as the build does: marks off, đ to d, lower case", () => {
  assert.deepEqual(S.tokens("Chuyển đổi số: ĐƯỜNG 5G, 79,7%"), [
    { folded: "chuyen", marked: "chuyển" }, { folded: "doi", marked: "đổi" }, { folded: "so", marked: "số" },
    { folded: "duong", marked: "đường" }, { folded: "5g", marked: "5g" }, { folded: "79", marked: "79" },
    { folded: "7", marked: "7" }]);
  // Decomposed input (combining marks) folds and composes the same way.
  assert.deepEqual(S.tokens("đu\u031bo\u031b\u0300ng"), [{ folded: "duong", marked: "đường" }]);
});

test("the shard of a key is the last whose first key is not after it, in code point order", () => {
  const first = ["0", "cong", "ket", "sinh xa", "tuong"];
  assert.equal(S.shardFor(first, "anh"), 0);
  assert.equal(S.shardFor(first, "cong"), 1);
  assert.equal(S.shardFor(first, "cong nghe"), 1);
  assert.equal(S.shardFor(first, "so"), 3);
  assert.equal(S.shardFor(first, "zalo"), 4);
  assert.equal(S.shardFor(first, "東京"), 4);
  assert.equal(S.compareKeys("a", "a b") < 0, true);
  assert.equal(S.compareKeys("\uffff", "\u{1F600}") < 0, true); // UTF-16 order would say the opposite
});

test("a query with marks ranks the exact marks first: đường above dương", () => {
  // Document 0 (newer) has dương, document 1 has đường, with the same weight.
  const duong = word("duong", ["dương", "đường"], [[0, 8, false, 1], [1, 8, false, 2]]);
  assert.deepEqual(order(S.rank(S.tokens("đường"), [duong], [], 100)), [1, 0]);
  assert.deepEqual(order(S.rank(S.tokens("dương"), [duong], [], 100)), [0, 1]);
  // Without marks both match alike: the newer first.
  assert.deepEqual(order(S.rank(S.tokens("duong"), [duong], [], 100)), [0, 1]);
  // A misspelt mark (đưỡng) still finds both.
  assert.equal(S.rank(S.tokens("đưỡng"), [duong], [], 100).length, 2);
});

test("exact marks outrank a stronger folded match", () => {
  const duong = word("duong", ["dương", "đường"], [[0, 15, true, 1], [1, 2, false, 2]]);
  assert.deepEqual(order(S.rank(S.tokens("đường"), [duong], [], 100)), [1, 0]);
});

test("a title match ranks above a body match, however often the body says it", () => {
  const vssid = word("vssid", ["vssid"], [[0, 15, false], [1, 3, true]]);
  assert.deepEqual(order(S.rank(S.tokens("VssID"), [vssid], [], 1000)), [1, 0]);
});

test("a phrase ranks above the same words scattered", () => {
  const dich = word("dich", ["dịch"], [[0, 9, false], [1, 9, false]]);
  const vu = word("vu", ["vụ"], [[0, 9, false], [1, 9, false]]);
  const phrase = pair("dich vu", [1]);
  assert.deepEqual(order(S.rank(S.tokens("dịch vụ"), [dich, vu], [phrase], 1000)), [1, 0]);
  assert.deepEqual(order(S.rank(S.tokens("dịch vụ"), [dich, vu], [null], 1000)), [0, 1]);
});

test("rarer words weigh more (BM25 idf) and every word typed is required when some document has all", () => {
  const common = word("so", ["số"], [[0, 10, false], [1, 10, false], [2, 10, false], [3, 10, false]]);
  const rare = word("lgsp", ["lgsp"], [[2, 4, false]]);
  assert.deepEqual(order(S.rank(S.tokens("số LGSP"), [common, rare], [null], 4)), [2]);
  // With no document having both, those with most words come first, then the score.
  const other = word("vneid", ["vneid"], [[3, 4, false]]);
  assert.deepEqual(order(S.rank(S.tokens("lgsp vneid"), [rare, other], [null], 4)), [2, 3]);
  // A word the index lacks leaves the others' matches.
  assert.deepEqual(order(S.rank(S.tokens("lgsp khongco"), [rare, null], [null], 4)), [2]);
});

test("equal scores: the newer document (lower number) first", () => {
  const so = word("so", ["số"], [[5, 7, false], [2, 7, false], [9, 7, false]].sort((a, b) => a[0] - b[0]));
  assert.deepEqual(order(S.rank(S.tokens("số"), [so], [], 100)), [2, 5, 9]);
});

test("filters keep documents of a kind, pillar and year", () => {
  const directory = { kinds: [["tin-tuc", "Tin tức"], ["van-ban", "Văn bản"]], pillars: [["ha-tang-so", "Hạ tầng số"], ["kinh-te-so", "Kinh tế số"]],
                      years: [[2024, 0, 2], [2023, 2, 4]] };
  const data = { k: "0010", p: "ab-b" };
  const kept = (values) => [0, 1, 2, 3].filter(S.filterTest(directory, data, values) || (() => true));
  assert.deepEqual(kept({ kind: "tin-tuc" }), [0, 1, 3]);
  assert.deepEqual(kept({ pillar: "kinh-te-so" }), [1, 3]);
  assert.deepEqual(kept({ year: "2023" }), [2, 3]);
  assert.deepEqual(kept({ kind: "tin-tuc", pillar: "kinh-te-so", year: "2024" }), [1]);
  assert.equal(S.filterTest(directory, data, {}), null);
  const so = word("so", ["số"], [[0, 7, false], [1, 7, false], [3, 7, false]]);
  assert.deepEqual(order(S.rank(S.tokens("so"), [so], [], 4, S.filterTest(directory, data, { pillar: "kinh-te-so" }))), [1, 3]);
});

test("the excerpt is cut around the first match, at the end of a long text too, every query word marked", () => {
  const long = "Mở đầu. " + "Nội dung dài về chuyển đổi số. ".repeat(200) + "Cuối cùng là Đường dây nóng VssID.";
  const pieces = S.excerpt(long, S.tokens("vssid duong"));
  const text = pieces.map((p) => p.text).join("");
  assert.ok(text.startsWith("… "), text.slice(0, 20));
  assert.ok(text.length < 300, String(text.length));
  assert.deepEqual(pieces.filter((p) => p.mark).map((p) => p.text), ["Đường", "VssID"]);
  // A query with marks: around the first word written as typed, though a folded match comes earlier.
  const both = "Dưỡng chất. " + "Câu chen giữa cho dài thêm nữa. ".repeat(20) + "Con đường mới.";
  assert.deepEqual(S.excerpt(both, S.tokens("đường")).filter((p) => p.mark).map((p) => p.text), ["đường"]);
  assert.deepEqual(S.excerpt(both, S.tokens("duong")).filter((p) => p.mark).map((p) => p.text), ["Dưỡng"]);
  // No match: the start of the text.
  const plain = S.excerpt("Một hai ba bốn.", S.tokens("khong"));
  assert.deepEqual(plain, [{ text: "Một hai ba bốn.", mark: false }]);
  // A title is marked whole, never cut.
  const title = S.marked("Tỷ lệ hồ sơ trực tuyến đạt 79,7%", S.tokens("ho so"));
  assert.deepEqual(title, [{ text: "Tỷ lệ ", mark: false }, { text: "hồ", mark: true }, { text: " ", mark: false },
                           { text: "sơ", mark: true }, { text: " trực tuyến đạt 79,7%", mark: false }]);
});
