// Gathers the results of make bench into one table: prints it and writes BENCH.md.
//
//   node report.mjs CRITERION_HOME DIST_DIR [BENCH.md]
//
// Reads Criterion's estimates (native throughput), target/bench/{wasm,scale,page}.json
// and the files of the built site (sizes measured here: raw, and gzip -9).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { execSync } from "node:child_process";
import { CORPORA, crateRoot, outDir } from "./common.mjs";

const [criterionHome, distDir = path.join(crateRoot, "dist"), benchMd = path.join(crateRoot, "BENCH.md")] = process.argv.slice(2);

const readJson = (f) => (fs.existsSync(f) ? JSON.parse(fs.readFileSync(f, "utf8")) : null);
const wasm = readJson(path.join(outDir, "wasm.json"));
const scale = readJson(path.join(outDir, "scale.json"));
const page = readJson(path.join(outDir, "page.json"));
const pathological = readJson(path.join(outDir, "pathological.json"));

// ---- native: Criterion estimates ----------------------------------------------------
const LAYERS = [
  ["document", "document building and tokenising (`Document::new`)"],
  ["quotes", "quote pass (`passes::quotes::find`)"],
  ["entities", "entities (`passes::entities::recognise`)"],
  ["attribution", "attribution (`passes::attribution::attribute`)"],
  ["output", "output (`output::build`, UTF-16 offsets)"],
  ["annotate", "**end to end** (`annotate`)"],
  ["annotate+json", "end to end plus JSON (`annotate(..).to_json()`)"],
];
const native = {}; // native[corpus][layer] = MB/s
function walk(dir) {
  if (!dir || !fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name === "benchmark.json" && path.basename(path.dirname(p)) === "new") {
      const b = readJson(p);
      const est = readJson(path.join(path.dirname(p), "estimates.json"));
      const bytes = b.throughput && (b.throughput.Bytes ?? b.throughput.BytesDecimal);
      if (!bytes || !est) continue;
      (native[b.group_id] ||= {})[b.function_id] = bytes / 1e6 / (est.median.point_estimate / 1e9);
    }
  }
}
walk(criterionHome);

// ---- sizes ------------------------------------------------------------------------
const files = [];
function listFiles(dir, rel = "") {
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) listFiles(dir, r);
    else {
      const body = fs.readFileSync(path.join(dir, r));
      files.push({ file: r, raw: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
    }
  }
}
if (fs.existsSync(distDir)) listFiles(distDir);
const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip }), { raw: 0, gzip: 0 });

// ---- the table --------------------------------------------------------------------------
const f = (x, d = 1) => (x === undefined || x === null || Number.isNaN(x) ? "n/a" : x.toFixed(d));
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const mark = (ok) => (ok === null || ok === undefined ? "" : ok ? "yes" : "**no**");
const rows = [];
const row = (area, what, result, target = "", ok = null) => rows.push([area, what, result, target, mark(ok)]);
const perCorpus = (get, d = 1) => CORPORA.map((c) => `${c.replace("-dev", "")} ${f(get(c), d)}`).join(" · ");
const minOver = (get) => Math.min(...CORPORA.map(get).map((x) => (x === undefined ? NaN : x)));

for (const [key, label] of LAYERS) {
  const target = key === "annotate" ? "≥ 20 MB/s" : "";
  const ok = key === "annotate" ? minOver((c) => native[c]?.[key]) >= 20 : null;
  row("native MB/s", label, perCorpus((c) => native[c]?.[key]), target, ok);
}
if (wasm) {
  const w = wasm.corpora;
  row("WASM (Node) MB/s", "**end to end**, `annotate` (JS object)", perCorpus((c) => w[c]?.annotate_mbps, 2), "≥ 10 MB/s", minOver((c) => w[c]?.annotate_mbps) >= 10);
  row("WASM (Node) MB/s", "end to end, `annotateJson` (JSON string, as the page)", perCorpus((c) => w[c]?.annotateJson_mbps, 2), "≥ 10 MB/s", minOver((c) => w[c]?.annotateJson_mbps) >= 10);
  row("WASM (Node) MB/s", `compromise ${wasm.compromise}: quotations() + people() + places()`, perCorpus((c) => w[c]?.compromise_mbps, 3), "", null);
  row("WASM (Node) MB/s", "compromise, characters per second", perCorpus((c) => w[c]?.compromise_chars_per_s, 0), "", null);
  row("WASM (Node) ratio", "**ours / compromise**, same run (`annotate`)", perCorpus((c) => w[c]?.ratio_annotate, 0) + " ×", "≥ 150×", minOver((c) => w[c]?.ratio_annotate) >= 150);
  row("WASM (Node) ratio", "ours / compromise, same run (`annotateJson`)", perCorpus((c) => w[c]?.ratio_annotateJson, 0) + " ×", "≥ 150×", minOver((c) => w[c]?.ratio_annotateJson) >= 150);
}
if (page) {
  row("page (Chromium)", `load to ready (median of ${page.runs.loads} cold loads)`, `${f(page.load_to_ready_ms, 0)} ms (DOMContentLoaded ${f(page.dom_content_loaded_ms, 0)} ms, WASM fetched ${f(page.wasm_fetched_ms, 0)} ms${page.load_marks_ms?.["worker-ready"] !== undefined ? `; the worker for long texts ready at ${f(page.load_marks_ms["worker-ready"], 0)} ms` : ""})`, "≤ 150 ms", page.load_to_ready_ms <= 150);
  row("page (Chromium)", `**seed** (${page.seed_bytes} B) annotate + render, median of ${page.runs.seed}`, `${f(page.seed_done_ms)} ms (to next frame ${f(page.seed_frame_ms)} ms)`, "≤ 5 ms", page.seed_done_ms <= 5);
  row("page (Chromium)", `${f(page.big_bytes / 1e6, 2)} MB article annotate + render, median of ${page.runs.big}`, `${f(page.big_done_ms, 0)} ms (to next frame ${f(page.big_frame_ms, 0)} ms)`, "", null);
}
for (const x of files) row("size", `dist/${x.file}`, `${kb(x.raw)} raw, ${kb(x.gzip)} gzip`);
if (files.length) row("size", "**total site**", `${kb(total.raw)} raw, ${kb(total.gzip)} gzip`, "≤ 400 KB gzip", total.gzip <= 400_000);
if (pathological) {
  // Below 50 ms of CPU the 1 MB run is mostly start-up: no ratio against it.
  for (const { name, runs } of pathological.results) {
    const base = runs[0];
    for (const r of runs) {
      const ratio = r === base ? "" : base.cpu >= 0.05 ? `, ${f(r.vs_linear, 2)}× linear` : ", too fast to compare";
      const ok = r === base || base.cpu < 0.05 ? null : r.vs_linear <= 1.2;
      row("pathological, native", `${name}, ${r.mb} MB (CLI)`, `${f(r.cpu, 3)} s cpu, peak RSS ${f(r.max_rss / 1e6, 0)} MB (${f(r.rss_per_input, 0)} B per input byte)${ratio}`, r === base ? "" : "≤ 1.2× linear", ok);
    }
  }
}
if (scale) {
  for (const r of scale.native) {
    const linear = r === scale.native[0] ? "" : `, ${f(r.vs_linear, 2)}× linear`;
    row("scaling, native", `${r.mb} MB (CLI)`, `${f(r.cpu, 3)} s cpu (${f(r.wall, 2)} s wall), peak RSS ${f(r.max_rss / 1e6, 0)} MB${linear}`, r === scale.native[0] ? "" : "≤ 1.2× linear", r === scale.native[0] ? null : r.vs_linear <= 1.2);
  }
  for (const r of scale.wasm) {
    const linear = r === scale.wasm[0] ? "" : `, ${f(r.vs_linear, 2)}× linear`;
    row(
      "scaling, WASM",
      `${r.mb} MB (Node, \`annotateJson\`)`,
      `${f(r.seconds, 2)} s, linear memory ${f(r.wasm_memory / 1e6, 0)} MB = ${f(r.memory_per_input, 1)}× input, process RSS ${f(r.max_rss / 1e6, 0)} MB${linear}`,
      r === scale.wasm[0] ? "≤ 10× input" : "≤ 1.2× linear, ≤ 10× input",
      r.memory_per_input <= 10 && (r === scale.wasm[0] || r.vs_linear <= 1.2),
    );
  }
}

const header = ["Area", "Measure", "Result", "Target", "Met"];
const table = [header, header.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");

let commit = "unknown";
try {
  commit = execSync("git rev-parse --short HEAD", { cwd: crateRoot, encoding: "utf8" }).trim();
  const dirty = execSync("git status --porcelain --untracked-files=no -- src data Cargo.toml Cargo.lock", { cwd: crateRoot, encoding: "utf8" }).trim();
  if (dirty) commit += " + uncommitted changes in src/ or data/";
} catch {}

const md = `# Benchmarks

Written by \`make bench\` (tools/bench/run.sh). ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC,
commit ${commit}; ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), load average at the end
${os.loadavg().map((x) => x.toFixed(1)).join(" ")}; Node ${wasm?.node ?? process.version}${page ? `, Chromium ${page.chromium}` : ""}.

MB = 10⁶ bytes of UTF-8 text. The machine is shared and noisy: absolute
numbers move from run to run; only ratios from one run compare.

${table}

How each number is measured:

- **Native**: Criterion (benches/throughput.rs, release profile), median of
  10 samples; each layer runs over every document of the corpus, one document
  at a time, with its inputs built outside the timed loop.
- **WASM in Node**: \`wasm-pack build --release --target nodejs\`; ours and
  compromise run interleaved in one process over the same documents
  (tools/bench/wasm.mjs), median of the repetitions, after a warm-up.
  compromise is asked only for the texts (\`out("array")\`, no offsets), its
  cheapest output, so the ratio is a lower bound.
- **Page**: headless Chromium (playwright-core), \`dist/\` served from
  127.0.0.1. Load to ready: navigation start to \`<html data-state="ready">\`,
  when the page can annotate: the module compiled and instantiated on the
  page's thread, which annotates texts up to 20,000 UTF-16 units (the seed);
  the worker for longer texts is still starting then (a longer text waits for
  it). Each load in a fresh context (cold cache, service worker blocked).
  Annotate + render, once start-up is over (the worker ready and its warm-up
  done: it annotates the sample 40 times, so V8 has optimised the module's hot
  functions, which the page's instance shares): the text set in the text box
  and the Annotate button
  clicked, until \`data-state="done"\` (analysis on the page's thread for the
  seed, in the worker for the 1 MB article; JSON parse, rendering, swap in);
  "to next frame" adds style and layout (tools/bench/page.mjs).
- **Size**: every file of \`dist/\` as built by \`make site\`, gzip -9.
- **Scaling**: articles of polnear-dev documents joined by blank lines. Native:
  the release \`annotate\` command line on one file, CPU time (user + sys;
  the least disturbed by other jobs, to the microsecond from getrusage), best
  of three runs at every size; the largest peak RSS of the runs. WASM: one Node process per size, one \`annotateJson\`
  call after a warm-up; linear memory is the WebAssembly memory's size after the
  call (it never shrinks, so it is the peak). "× linear" is the time against the
  1 MB time scaled by size.
- **Pathological**: the input shapes of tests/pathological.rs (which assert
  behaviour only) generated at 1 and 10 MB and run three times each through the
  release command line (tools/bench/pathological.mjs); CPU time and peak RSS
  as above, "× linear" against the 1 MB run.
`;
fs.writeFileSync(benchMd, md);
console.log(table);
console.log(`\nwritten: ${path.relative(process.cwd(), benchMd)}`);
