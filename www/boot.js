// Starts fetching and compiling the annotator's WASM module before anything
// else on the page. index.html asks for this small classic script first and
// runs it as soon as it arrives (async), while the style sheet and the page's
// modules are still loading: the compile then overlaps the page's own
// parsing, style and first layout instead of waiting for them (an async
// module would run only once its imports had arrived too, in practice after
// the first layout). engine.js takes the compiled module over (Engine.load);
// without this script it compiles the module itself.
"use strict";
// Marks for the bench (tools/bench/page.mjs): where start-up time goes.
performance.mark?.("annotator:boot");
self.annotatorBoot = (() => {
  const wasmUrl = "pkg/annotator_bg.wasm";
  const module = (async () => {
    const res = await fetch(wasmUrl);
    if (!res.ok) throw new Error(`${wasmUrl}: HTTP ${res.status}`);
    // Streaming (compiled while it downloads) needs the application/wasm type.
    const type = (res.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
    if (type === "application/wasm" && typeof WebAssembly.compileStreaming === "function") return WebAssembly.compileStreaming(res);
    return WebAssembly.compile(await res.arrayBuffer());
  })();
  // engine.js reports a failure to compile.
  module.then(() => performance.mark?.("annotator:compiled"), () => {});
  return { wasmUrl, module };
})();
