// Starts the annotator engine before anything else on the page: fetches and
// compiles the WASM module, starts the worker that runs it, and hands the
// worker the module once compiled. index.html asks for this small classic
// script first and runs it as soon as it arrives (async), while the style
// sheet and the page's modules are still loading: the engine's start-up then
// overlaps the page's own parsing, style and first layout instead of waiting
// for them (an async module would run only once its imports had arrived too,
// in practice after the first layout). engine.js takes it all over
// (Engine.load); without this script it starts the engine itself.
"use strict";
// Marks for the bench (tools/bench/page.mjs): where start-up time goes.
performance.mark?.("annotator:boot");
self.annotatorBoot = (() => {
  const wasmUrl = "pkg/annotator_bg.wasm";
  const workerUrl = "worker.js";
  let failure = null;
  let first = null;
  let worker = null;
  try {
    worker = new Worker(workerUrl, { type: "module", name: "annotator" });
    // Until engine.js attaches its handlers: the worker's answer to the init
    // message ("ready" or "init-error"), or its failure to load, which would
    // otherwise go unnoticed.
    worker.onmessage = (event) => {
      if (!first) performance.mark?.("annotator:worker-ready");
      first ??= event.data || {};
    };
    worker.onerror = (event) => {
      event.preventDefault();
      failure ??= event.message || "the analysis worker could not be loaded";
    };
  } catch (err) {
    failure = String(err && err.message ? err.message : err);
  }
  const module = (async () => {
    const res = await fetch(wasmUrl);
    if (!res.ok) throw new Error(`${wasmUrl}: HTTP ${res.status}`);
    // Streaming (compiled while it downloads) needs the application/wasm type.
    const type = (res.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
    if (type === "application/wasm" && typeof WebAssembly.compileStreaming === "function") return WebAssembly.compileStreaming(res);
    return WebAssembly.compile(await res.arrayBuffer());
  })();
  // engine.js reports a failure to compile.
  module.then(
    (m) => {
      performance.mark?.("annotator:compiled");
      worker?.postMessage({ type: "init", module: m });
    },
    () => {},
  );
  return { wasmUrl, workerUrl, worker, module, failure: () => failure, first: () => first };
})();
