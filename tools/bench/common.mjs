// Shared helpers for the bench scripts (make bench).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";

export const here = path.dirname(fileURLToPath(import.meta.url));
export const crateRoot = path.resolve(here, "../..");
export const dataDir = process.env.SHARED_DIR
  ? path.join(process.env.SHARED_DIR, "data")
  : path.join(crateRoot, "../shared/data");
export const outDir = process.env.BENCH_OUT || path.join(crateRoot, "target/bench");
export const pkgNode = process.env.PKG_NODE || path.join(crateRoot, "target/pkg-node");

export const CORPORA = ["polnear-dev", "conll2003-dev"];

/** The `text` of every line of data/<name>.jsonl. */
export function loadCorpus(name) {
  const raw = fs.readFileSync(path.join(dataDir, `${name}.jsonl`), "utf8");
  return raw
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l).text);
}

export const utf8Bytes = (s) => Buffer.byteLength(s, "utf8");
export const sumBytes = (texts) => texts.reduce((n, t) => n + utf8Bytes(t), 0);

/** An article of about `bytes` bytes: polnear-dev documents joined by blank lines, repeated. */
export function article(bytes) {
  const docs = loadCorpus("polnear-dev");
  const parts = [];
  let n = 0;
  for (let i = 0; n < bytes; i = (i + 1) % docs.length) {
    parts.push(docs[i]);
    n += utf8Bytes(docs[i]) + 2;
  }
  return parts.join("\n\n");
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Load the Node WASM package (wasm-pack --target nodejs) from `dir`, keeping a
 * handle on its instance so the linear memory can be read (the package
 * exports no memory): `memory()` is its size, `instance()` the instance.
 */
export function loadWasm(dir = pkgNode) {
  const Orig = WebAssembly.Instance;
  let instance = null;
  WebAssembly.Instance = new Proxy(Orig, {
    construct(target, args) {
      instance = Reflect.construct(target, args);
      return instance;
    },
  });
  try {
    const require = createRequire(import.meta.url);
    const mod = require(path.join(path.resolve(dir), "annotator.js"));
    return { mod, memory: () => (instance ? instance.exports.memory.buffer.byteLength : NaN), instance: () => instance };
  } finally {
    WebAssembly.Instance = Orig;
  }
}

export function writeResult(name, obj) {
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, `${name}.json`), JSON.stringify(obj, null, 2) + "\n");
}

// Runs a command and prints its wall time, CPU time and peak RSS as JSON:
// getrusage(RUSAGE_CHILDREN) gives CPU time in microseconds, where
// `/usr/bin/time` prints hundredths of a second (20 % of a 0.05 s run).
const RUSAGE_PY = `
import json, resource, subprocess, sys, time
r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
t = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
wall = time.perf_counter() - t
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "wall": wall, "user": r.ru_utime - r0.ru_utime, "sys": r.ru_stime - r0.ru_stime, "max_rss_kb": r.ru_maxrss}))
`;

/**
 * Run `args` once: wall and CPU (user + sys) seconds, to the microsecond,
 * and the peak resident set size in bytes. Throws on a non-zero exit.
 */
export function timeV(args) {
  const r = spawnSync("python3", ["-c", RUSAGE_PY, ...args], { encoding: "utf8", maxBuffer: 1 << 20, stdio: ["ignore", "pipe", "pipe"] });
  const m = r.status === 0 ? JSON.parse(r.stdout) : null;
  if (!m || m.code !== 0) throw new Error(`${args.join(" ")}: exit ${m ? m.code : r.status}\n${r.stderr}`);
  return { wall: m.wall, cpu: m.user + m.sys, max_rss: m.max_rss_kb * 1024 };
}

/**
 * [`timeV`] `n` times: the run with the least CPU time (the least disturbed
 * by other jobs on a shared machine), with the largest peak RSS of all.
 * Every size of a scaling series takes the same `n`, so that the ratios
 * compare like with like.
 */
export function bestOf(n, args) {
  const runs = Array.from({ length: n }, () => timeV(args));
  const best = runs.reduce((a, b) => (b.cpu < a.cpu ? b : a));
  return { ...best, max_rss: Math.max(...runs.map((r) => r.max_rss)) };
}
