// Starts the annotator engine as early as possible: index.html loads this
// module with `async`, so it runs as soon as it and engine.js have arrived,
// without waiting for the page's other modules (app.js waits for all of them).
// The WASM module then compiles, and the worker loads, while the rest of the
// page is still being fetched. app.js imports the same instance.
import { Engine } from "./engine.js";

// Marks for the bench (tools/bench/page.mjs): where start-up time goes.
performance.mark?.("annotator:boot");
export const engine = new Engine();
/** Resolves when the engine is ready; rejects with a readable message. */
export const engineLoaded = engine.load();
engineLoaded.catch(() => {}); // app.js reports it
