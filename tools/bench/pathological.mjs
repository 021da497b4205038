// Pathological inputs (issue 8): the shapes of tests/pathological.rs at 1 MB
// and 10 MB, each run through the release command line (best of three runs
// at every size, CPU time to the microsecond: common.mjs bestOf).
// The tests assert behaviour (no panic, the contract holds); this measures
// what they must not: CPU time, its growth against the 1 MB run (linear time
// is the promise), and peak memory per input byte. Writes
// target/bench/pathological.json.
//
//   node pathological.mjs /path/to/release/annotate
import fs from "node:fs";
import path from "node:path";
import { bestOf, outDir, writeResult } from "./common.mjs";
import { PATHOLOGICAL_INPUTS as INPUTS } from "./inputs.mjs";

const MB = 1_000_000;
const SIZES = (process.env.BENCH_PATHOLOGICAL_MB || "1,10").split(",").map(Number);
const RUNS = Number(process.env.BENCH_PATHOLOGICAL_RUNS || 3);

const cli = process.argv[2];
if (!cli || !fs.existsSync(cli)) {
  console.error(`usage: node pathological.mjs PATH_TO_RELEASE_annotate (got ${cli})`);
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, "pathological.txt");
const results = [];
for (const [name, make] of INPUTS) {
  const runs = SIZES.map((mb) => {
    const text = make(mb * MB);
    fs.writeFileSync(file, text);
    const bytes = fs.statSync(file).size;
    return { mb, input_bytes: bytes, ...bestOf(RUNS, [cli, file]) };
  });
  const base = runs[0];
  for (const r of runs) {
    r.vs_linear = r.cpu / ((base.cpu * r.input_bytes) / base.input_bytes);
    r.rss_per_input = r.max_rss / r.input_bytes;
  }
  results.push({ name, runs });
  console.log(`${name}: ` + runs.map((r) => `${r.mb} MB ${r.cpu.toFixed(2)} s cpu, ${(r.max_rss / 1e6).toFixed(0)} MB rss`).join("; "));
}
fs.rmSync(file, { force: true });
writeResult("pathological", { results });
