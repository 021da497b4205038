// WASM throughput in Node, side by side with compromise, in the same run.
//
//   node wasm.mjs            (needs target/pkg-node from wasm-pack --target nodejs)
//
// For each corpus: our annotate() (a JS object) and annotateJson() (the JSON
// string the page uses) over every document, one at a time, repeated; and
// compromise's quotations(), people() and places() over the same documents
// (fewer repetitions: it is slow), in the middle of ours, so both see the
// same machine load. Writes target/bench/wasm.json.
import nlp from "compromise";
import { CORPORA, loadCorpus, sumBytes, median, loadWasm, writeResult } from "./common.mjs";

const REPS = Number(process.env.BENCH_WASM_REPS || 6);
// compromise takes about a minute per corpus and pass on a loaded machine: one pass, in the middle of ours.
const COMPROMISE_REPS = Number(process.env.BENCH_COMPROMISE_REPS || 1);

const { mod } = loadWasm();

function timeIt(fn) {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const ours = (texts) => () => {
  for (const t of texts) mod.annotate(t, { offsets: "utf16" });
};
const oursJson = (texts) => () => {
  for (const t of texts) mod.annotateJson(t, { offsets: "utf16" });
};
const theirs = (texts) => () => {
  for (const t of texts) {
    const doc = nlp(t);
    doc.quotations().out("array");
    doc.people().out("array");
    doc.places().out("array");
  }
};

const results = { node: process.version, compromise: nlp.version, corpora: {} };
for (const name of CORPORA) {
  const texts = loadCorpus(name);
  const bytes = sumBytes(texts);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  // Warm-up: JIT, WASM tier-up, compromise's lazy lexicon.
  ours(texts)();
  oursJson(texts)();
  theirs(texts.slice(0, 5))();
  const a = [], j = [], c = [];
  const cAt = Math.floor(REPS / 2);
  for (let r = 0; r < REPS; r++) {
    if (r === cAt) for (let k = 0; k < COMPROMISE_REPS; k++) c.push(timeIt(theirs(texts)));
    a.push(timeIt(ours(texts)));
    j.push(timeIt(oursJson(texts)));
  }
  const mbps = (s) => bytes / 1e6 / s;
  const res = {
    docs: texts.length,
    bytes,
    chars,
    annotate_s: median(a),
    annotateJson_s: median(j),
    compromise_s: median(c),
    annotate_mbps: mbps(median(a)),
    annotateJson_mbps: mbps(median(j)),
    compromise_mbps: mbps(median(c)),
    compromise_chars_per_s: chars / median(c),
    ratio_annotate: median(c) / median(a),
    ratio_annotateJson: median(c) / median(j),
  };
  results.corpora[name] = res;
  console.log(
    `${name}: ours ${res.annotate_mbps.toFixed(2)} MB/s (json ${res.annotateJson_mbps.toFixed(2)}), ` +
      `compromise ${res.compromise_mbps.toFixed(3)} MB/s (${Math.round(res.compromise_chars_per_s)} chars/s), ` +
      `ratio ${res.ratio_annotate.toFixed(0)}x (json ${res.ratio_annotateJson.toFixed(0)}x)`,
  );
}
writeResult("wasm", results);
