// Scaling: time and peak memory for 1 MB, 10 MB and 50 MB articles, native
// (the release command line, best of three: common.mjs bestOf) and WASM (Node, one child
// process per size so memory never carries over). Writes target/bench/scale.json.
//
//   node scale.mjs /path/to/release/annotate
//   node scale.mjs --wasm-child BYTES          (internal)
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { article, bestOf, loadCorpus, loadWasm, outDir, timeV, utf8Bytes, writeResult } from "./common.mjs";

const SIZES = (process.env.BENCH_SCALE_MB || "1,10,50").split(",").map(Number);
const NATIVE_RUNS = Number(process.env.BENCH_SCALE_RUNS || 3);

if (process.argv[2] === "--wasm-child") {
  const bytes = Number(process.argv[3]);
  const text = fs.readFileSync(path.join(outDir, `scale-${bytes}.txt`), "utf8");
  const { mod, memory } = loadWasm();
  // Warm-up on a few small documents (WASM tier-up), before the measurement.
  for (const t of loadCorpus("conll2003-dev").slice(0, 50)) mod.annotateJson(t, { offsets: "utf16" });
  const memBefore = memory();
  const t0 = process.hrtime.bigint();
  const json = mod.annotateJson(text, { offsets: "utf16" });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const out = {
    input_bytes: utf8Bytes(text),
    seconds,
    wasm_memory_before: memBefore,
    wasm_memory: memory(),
    max_rss: process.resourceUsage().maxRSS * 1024,
    json_chars: json.length,
  };
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}

const cli = process.argv[2];
if (!cli || !fs.existsSync(cli)) {
  console.error(`usage: node scale.mjs PATH_TO_RELEASE_annotate (got ${cli})`);
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

const native = [];
const wasm = [];
const empty = path.join(outDir, "scale-0.txt");
fs.writeFileSync(empty, "");
const baseline = timeV([cli, empty]);
for (const mb of SIZES) {
  const bytes = mb * 1_000_000;
  const file = path.join(outDir, `scale-${bytes}.txt`);
  const text = article(bytes);
  fs.writeFileSync(file, text);
  // CPU time (user + sys) is the least disturbed by other jobs on a shared machine.
  const best = bestOf(NATIVE_RUNS, [cli, file]);
  native.push({ mb, input_bytes: utf8Bytes(text), ...best });
  const child = spawnSync(process.execPath, ["--max-old-space-size=8192", fileURLToPath(import.meta.url), "--wasm-child", String(bytes)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`wasm child ${mb} MB: exit ${child.status}\n${child.stderr}`);
  wasm.push({ mb, ...JSON.parse(child.stdout) });
  console.log(
    `${mb} MB: native ${best.cpu.toFixed(2)} s cpu, ${(native.at(-1).max_rss / 1e6).toFixed(0)} MB rss; ` +
      `wasm ${wasm.at(-1).seconds.toFixed(2)} s, ${(wasm.at(-1).wasm_memory / 1e6).toFixed(0)} MB linear memory, ` +
      `${(wasm.at(-1).max_rss / 1e6).toFixed(0)} MB rss`,
  );
}
// Linear extrapolation from the first size: t(n) / (t(1) * n/1).
const first = (xs, key) => xs[0][key] / xs[0].input_bytes;
for (const r of native) r.vs_linear = r.cpu / (first(native, "cpu") * r.input_bytes);
for (const r of wasm) r.vs_linear = r.seconds / (first(wasm, "seconds") * r.input_bytes);
for (const r of wasm) r.memory_per_input = r.wasm_memory / r.input_bytes;
writeResult("scale", { baseline_native: baseline, native, wasm });
for (const mb of SIZES) fs.rmSync(path.join(outDir, `scale-${mb * 1_000_000}.txt`), { force: true });
