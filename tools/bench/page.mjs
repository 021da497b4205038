// Page timings in headless Chromium (playwright-core, Debian's chromium):
//
// - load to ready: navigation start to the first `<html data-state="ready">`:
//   the page can annotate (WASM fetched, compiled, and instantiated on the
//   page's thread, which annotates texts of up to 20,000 UTF-16 units; the
//   worker for longer texts finishes starting in the background: its marks
//   below say when), each load in a fresh browser context (cold cache, no
//   service worker), from localhost;
// - annotate plus render: the page's own path (text in the text box, the
//   Annotate button), from the click to `data-state="done"` (the annotated
//   text swapped in) and to the next frame after it (style and layout too),
//   for the seed article and a ~1 MB article, once the page has started (its
//   worker ready and its warm-up runs done); median of repeated runs.
//
// The server: BENCH_PAGE_SERVER=node (default: the page tests' static server,
// tests/page/serve.mjs: node:http, .wasm as application/wasm) or python
// (`python3 -m http.server`, what `make serve` runs). Every load is cold: a
// fresh browser context, so no HTTP cache, no compiled-code cache, no service
// worker. Nothing runs in the page while it starts but the observer below:
// the bench waits for its console message rather than polling the page
// (Playwright's polling injects a script that competes with the page's own).
//
//   node page.mjs [DIST_DIR]        writes target/bench/page.json
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";
import { article, crateRoot, dataDir, median, utf8Bytes, writeResult } from "./common.mjs";
import { serve } from "../../tests/page/serve.mjs";

const dist = path.resolve(process.argv[2] || path.join(crateRoot, "dist"));
const LOADS = Number(process.env.BENCH_PAGE_LOADS || 11);
const SEED_RUNS = Number(process.env.BENCH_PAGE_SEED_RUNS || 21);
const BIG_RUNS = Number(process.env.BENCH_PAGE_BIG_RUNS || 5);
const TIMEOUT = 120_000;

const SERVER = process.env.BENCH_PAGE_SERVER || "node";

/** `python3 -m http.server` on a free port: resolves to {url, close}. */
function servePython(dir) {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", dir], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/port (\d+)/);
      if (m) resolve({ url: `http://127.0.0.1:${m[1]}/`, close: () => child.kill() });
    });
    child.stderr.resume(); // one log line per request
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`python3 -m http.server exited (${code}): ${out}`)));
  });
}

/** Logged by the observer when the page first reaches ready (or error). */
const READY_MESSAGE = "bench:ready";

// Records every data-state change with its time (ms since navigation start),
// and logs READY_MESSAGE at the first "ready" or "error".
const OBSERVER = (READY_MESSAGE) => {
  window.__bench = { states: [] };
  // Several states can be set within one task (ready, then busy at once for
  // the sample): replay them from the records' old values. All get the time
  // of the observer's callback, right after that task.
  let last;
  const push = (s, t) => {
    if (s !== last) window.__bench.states.push([s, t]);
    last = s;
    if ((s === "ready" || s === "error") && !window.__bench.told) {
      window.__bench.told = true;
      console.debug(READY_MESSAGE);
    }
  };
  new MutationObserver((records) => {
    const t = performance.now();
    for (const r of records) if (r.target === document.documentElement) push(r.oldValue ?? undefined, t);
    push(document.documentElement.dataset.state, t);
  }).observe(document, { attributes: true, attributeOldValue: true, attributeFilter: ["data-state"], subtree: true });
};

const seed = JSON.parse(fs.readFileSync(path.join(dataDir, "seed-gold.json"), "utf8")).text;
const big = article(1_000_000);

const server = SERVER === "python" ? await servePython(dist) : await serve(dist);
const url = server.url;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

async function openReady() {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.addInitScript(OBSERVER, READY_MESSAGE);
  const told = page.waitForEvent("console", { predicate: (m) => m.text() === READY_MESSAGE, timeout: TIMEOUT });
  await page.goto(url, { waitUntil: "commit" });
  await told;
  // The worker starts after ready (engine.js): its marks come later. (Polling
  // from here on no longer competes with the start-up being timed.)
  await page.waitForFunction(() => performance.getEntriesByName("annotator:worker-ready").length > 0, null, { timeout: TIMEOUT });
  const { states, wasmFetched, domContentLoaded, marks } = await page.evaluate(() => ({
    states: window.__bench.states,
    wasmFetched: performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"))?.responseEnd,
    domContentLoaded: performance.getEntriesByType("navigation")[0]?.domContentLoadedEventEnd,
    // The page's own marks (www/boot.js, engine.js), if it sets them.
    marks: Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("annotator:")).map((m) => [m.name.slice(10), m.startTime])),
  }));
  const ready = states.find(([s]) => s === "ready");
  if (!ready) throw new Error(`the page did not get ready: ${JSON.stringify(states)}`);
  // Let the automatic first annotation (of the sample, if any) finish.
  await page.waitForFunction(() => !["busy", "loading"].includes(document.documentElement.dataset.state), null, { timeout: TIMEOUT });
  return { context, page, readyMs: ready[1], wasmFetched, domContentLoaded, marks };
}

// One annotate-plus-render through the page's own UI; returns [to done, to next frame] in ms.
async function annotateOnce(page, text) {
  return page.evaluate(
    async ({ text, timeout }) => {
      const ta = document.querySelector("textarea#article") || document.querySelector("textarea");
      const btn =
        document.getElementById("annotate") || [...document.querySelectorAll("button")].find((b) => /^annotate$/i.test(b.textContent.trim()));
      ta.value = text;
      const root = document.documentElement;
      const from = window.__bench.states.length;
      const t0 = performance.now();
      btn.click();
      const done = await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no data-state=done")), timeout);
        const check = () => {
          const after = window.__bench.states.slice(from);
          const hit = after.find(([s]) => s === "done" || s === "error");
          if (hit) {
            clearTimeout(timer);
            if (hit[0] === "error") reject(new Error("data-state=error"));
            else resolve(hit[1]);
          } else setTimeout(check, 0);
        };
        check();
      });
      const frame = await new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
      if (root.dataset.state !== "done") throw new Error(`state ${root.dataset.state} after the run`);
      return [done - t0, frame - t0];
    },
    { text, timeout: TIMEOUT },
  );
}

const loads = [];
const fetched = [];
const dcl = [];
const marks = {};
for (let i = 0; i < LOADS; i++) {
  const { context, readyMs, wasmFetched, domContentLoaded, marks: m } = await openReady();
  loads.push(readyMs);
  fetched.push(wasmFetched ?? NaN);
  dcl.push(domContentLoaded ?? NaN);
  for (const [k, v] of Object.entries(m)) (marks[k] ??= []).push(v);
  await context.close();
}

const { context, page } = await openReady();
// Latencies are of the started page: its worker (which the 1 MB article goes
// to) ready and its warm-up runs done (worker.js, warmUp: V8 has optimised
// the module's hot functions), so that no start-up work runs beside the seed's
// runs. A reader's first paste, seconds after the page opens, finds it so.
await page.waitForFunction(() => performance.getEntriesByName("annotator:warmed").length > 0, null, { timeout: TIMEOUT });
await annotateOnce(page, seed); // warm-up (the page's JavaScript, its first render)
const seedRuns = [];
for (let i = 0; i < SEED_RUNS; i++) seedRuns.push(await annotateOnce(page, seed));
await annotateOnce(page, big);
const bigRuns = [];
for (let i = 0; i < BIG_RUNS; i++) bigRuns.push(await annotateOnce(page, big));
await context.close();
await browser.close();
await server.close();

const res = {
  chromium: browser.version(),
  server: SERVER === "python" ? "python3 -m http.server" : "node:http (tests/page/serve.mjs)",
  load_to_ready_ms: median(loads),
  load_to_ready_all: loads,
  dom_content_loaded_ms: median(dcl),
  wasm_fetched_ms: median(fetched),
  // Medians of the page's start-up marks (www/boot.js, engine.js): boot.js
  // running, WASM compiled, the page's own instance made (then ready), the
  // worker made (its global scope; its script fetched before that), the
  // worker's script running, the module reaching the worker, the worker's
  // ready message handled (long texts wait for it).
  load_marks_ms: Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, median(v)])),
  seed_bytes: utf8Bytes(seed),
  seed_done_ms: median(seedRuns.map((r) => r[0])),
  seed_frame_ms: median(seedRuns.map((r) => r[1])),
  big_bytes: utf8Bytes(big),
  big_done_ms: median(bigRuns.map((r) => r[0])),
  big_frame_ms: median(bigRuns.map((r) => r[1])),
  runs: { seed: SEED_RUNS, big: BIG_RUNS, loads: LOADS },
};
console.log(
  `page (${res.server}): load to ready ${res.load_to_ready_ms.toFixed(0)} ms (DOMContentLoaded ${res.dom_content_loaded_ms.toFixed(0)}, WASM fetched ${res.wasm_fetched_ms.toFixed(0)}` +
    Object.entries(res.load_marks_ms).map(([k, v]) => `, ${k} ${v.toFixed(0)}`).join("") +
    `);` +
    ` seed ${res.seed_done_ms.toFixed(1)} ms (frame ${res.seed_frame_ms.toFixed(1)}); ` +
    `1 MB ${res.big_done_ms.toFixed(0)} ms (frame ${res.big_frame_ms.toFixed(0)})`,
);
writeResult("page", res);
