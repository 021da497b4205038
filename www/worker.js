// Analysis worker: runs the WASM annotator off the main thread, and plans the
// rendering of its result, so the page's main thread only ever does small
// pieces of work.
//
// Protocol (all messages are plain objects):
//   page -> worker  {type: "init", module, warmup}      a compiled WebAssembly.Module, and a
//                                                       text to warm it up with ("" for none)
//   worker -> page  {type: "ready", times} | {type: "init-error", message}
//   worker -> page  {type: "settled"}                   its lazy imports are done
//   worker -> page  {type: "warmed", fatal}             the warm-up runs are done (or one
//                                                       failed; fatal: the instance may be broken)
//   page -> worker  {type: "annotate", id, text}
//   worker -> page  {type: "result", id, json, ms, plan, pieces}
//                   {type: "error", id, message, fatal} fatal: the instance may be broken
//
// `json` is the annotation, byte for byte. `plan` (render.js planRender: the
// spans of each chunk of the text, as transferred Int32Arrays) is null for a
// small annotation (the page plans it), or when it could not be planned (the
// page then reports the problem). For a
// large annotation, `json` is its UTF-8 bytes (a transferred Uint8Array: no
// copy, and the page only needs it whole for the JSON download), and `pieces`
// holds it again cut into small JSON texts, also as transferred UTF-8 bytes
// ({head, quotes: [bytes], entities: [bytes]}), so the page parses it a little
// at a time instead of in one long JSON.parse.
//
// The page spawns a fresh worker after a fatal error, so a trap in the WASM
// module never poisons the next input.
import { initSync, annotateJson } from "./pkg/annotator.js";
import { describe, isFatal } from "./engine.js";

// The planner (render.js) is needed for large results only: loaded after
// start-up, so the worker is ready sooner.
let planner = null;
const loadPlanner = () => (planner ??= import("./render.js"));

/** Annotations above this many characters of JSON are planned here. */
const PLAN_ABOVE = 32 * 1024;
/** Annotations above this many characters of JSON are also sent in pieces. */
const PIECES_ABOVE = 256 * 1024;
/** Characters of JSON per piece (about): a few milliseconds of JSON.parse. */
const PIECE_CHARS = 64 * 1024;

let ready = false;

/** Wall-clock time (ms since the epoch, as performance.timeOrigin counts): the page turns it into its own marks. */
const wallClock = () => performance.timeOrigin + performance.now();
const scriptRunning = wallClock();

self.onmessage = async (event) => {
  const msg = event.data || {};
  if (msg.type === "init") {
    try {
      const init = wallClock();
      initSync({ module: msg.module });
      ready = true;
      // When this worker was made (its time origin), when this script started
      // running and when the module came: the page's start-up marks.
      self.postMessage({ type: "ready", times: { start: performance.timeOrigin, script: scriptRunning, init } });
      // Then the planner, and word when it is in (or failed: reported if a
      // large result needs it): from then on this worker fetches nothing.
      const settled = () => self.postMessage({ type: "settled" });
      loadPlanner().then(settled, settled);
      warmUp(msg.warmup, msg.warmup ? WARMUP_RUNS : 0);
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
    let json;
    try {
      json = annotateJson(msg.text, { offsets: "utf16" });
    } catch (err) {
      self.postMessage({ type: "error", id: msg.id, message: describe(err), fatal: isFatal(err) });
      return;
    }
    const ms = performance.now() - t0;
    let plan = null;
    let pieces = null;
    const transfer = [];
    try {
      // A small result is parsed and planned by the page at once: quicker
      // than parsing it here too and sending the plan.
      const ann = json.length > PLAN_ABOVE ? JSON.parse(json) : null;
      if (ann && Array.isArray(ann.quotes) && Array.isArray(ann.entities)) {
        const { planRender } = await loadPlanner();
        plan = planRender(msg.text, ann);
        for (const c of plan.chunks) transfer.push(c.refs.buffer);
        if (json.length > PIECES_ABOVE) pieces = cut(ann, transfer);
      }
    } catch {
      plan = null; // the page parses the JSON itself and reports what is wrong
      pieces = null;
    }
    if (pieces) {
      json = encoder.encode(json);
      transfer.push(json.buffer);
    }
    self.postMessage({ type: "result", id: msg.id, json, ms, plan, pieces }, transfer);
  }
};

const encoder = new TextEncoder();

/** Warm-up runs: about as many as V8 needs to optimise the hot functions. */
const WARMUP_RUNS = 40;

/**
 * Annotate `text` (the page's sample article) a few dozen times, one run per
 * task, so that a job sent meanwhile is taken at once. The page's instance
 * shares this compiled module, and V8 optimises a module's hot functions for
 * every instance of it: the reader's first annotations then run optimised
 * code instead of the baseline compiler's. Says "warmed" when done (at once
 * when there is no text).
 */
function warmUp(text, runs) {
  if (runs <= 0) {
    self.postMessage({ type: "warmed", fatal: false });
    return;
  }
  // (A timer, clamped to 4 ms once nested: the runs are spread out, and
  // leave the processor to the page meanwhile.)
  setTimeout(() => {
    try {
      annotateJson(text, { offsets: "utf16" });
    } catch (err) {
      self.postMessage({ type: "warmed", fatal: isFatal(err) });
      return;
    }
    warmUp(text, runs - 1);
  }, 0);
}

function cut(ann, transfer) {
  const { quotes, entities, ...head } = ann;
  const slices = (list) => {
    const out = [];
    let items = [];
    let size = 0;
    const flush = () => {
      const bytes = encoder.encode(`[${items.join(",")}]`);
      transfer.push(bytes.buffer);
      out.push(bytes);
      items = [];
      size = 0;
    };
    for (const item of list) {
      const s = JSON.stringify(item);
      items.push(s);
      size += s.length;
      if (size >= PIECE_CHARS) flush();
    }
    if (items.length) flush();
    return out;
  };
  return { head, quotes: slices(quotes), entities: slices(entities) };
}
