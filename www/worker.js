// Analysis worker: runs the WASM annotator off the main thread.
//
// Protocol (all messages are plain objects):
//   page -> worker  {type: "init", module}              a compiled WebAssembly.Module
//   worker -> page  {type: "ready"} | {type: "init-error", message}
//   page -> worker  {type: "annotate", id, text}
//   worker -> page  {type: "result", id, json, ms}     json: the annotation, byte for byte
//                   {type: "error", id, message, fatal} fatal: the instance may be broken
//
// The page spawns a fresh worker after a fatal error, so a trap in the WASM
// module never poisons the next input.
import { initSync, annotateJson } from "./pkg/annotator.js";

let ready = false;

self.onmessage = (event) => {
  const msg = event.data || {};
  if (msg.type === "init") {
    try {
      initSync({ module: msg.module });
      ready = true;
      self.postMessage({ type: "ready" });
    } catch (err) {
      self.postMessage({ type: "init-error", message: describe(err) });
    }
    return;
  }
  if (msg.type === "annotate") {
    if (!ready) {
      self.postMessage({ type: "error", id: msg.id, message: "the annotator is not initialised", fatal: true });
      return;
    }
    const t0 = performance.now();
    try {
      const json = annotateJson(msg.text, { offsets: "utf16" });
      self.postMessage({ type: "result", id: msg.id, json, ms: performance.now() - t0 });
    } catch (err) {
      // A plain Error is a refusal (bad input); anything else (a
      // WebAssembly.RuntimeError from a panic, a RangeError from memory) may
      // have left the instance in a broken state.
      const fatal = !(err instanceof Error) || err instanceof WebAssembly.RuntimeError || err instanceof RangeError || err.constructor !== Error;
      self.postMessage({ type: "error", id: msg.id, message: describe(err), fatal });
    }
  }
};

function describe(err) {
  if (err && typeof err.message === "string" && err.message) return err.message;
  return String(err);
}
