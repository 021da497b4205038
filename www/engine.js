// The annotator engine as seen from the page: a WebAssembly module compiled
// once on the main thread (streaming: compiled while it downloads) and run in
// two places. One job runs at a time.
//
// A short text (an article, a few milliseconds of analysis) is annotated on
// the page's own thread, by an instance of the compiled module made as soon
// as it is compiled: no round trip to a worker (two thread hops and two
// message copies, often more than the analysis itself). The engine is ready
// (load() resolves) once that instance exists: the page can annotate.
//
// A longer text goes to a Web Worker running its own instance, so a long
// analysis never blocks the page. The worker starts once the page's own
// instance exists and is not waited for by load(): its start-up (a thread,
// its script, its instance) took longer than all the rest of the page's
// start-up together, and started any earlier it competed with the page's
// for the processor (load to ready about 20 ms later). A long text given
// before the worker is ready waits for it (annotate() says so through its
// onStart hook). After a crash, a trap in the WASM module or a cancel, the
// worker is replaced by a fresh one, so the next input always starts from a
// clean instance. Should the page's own instance ever trap, it is dropped and
// the worker takes every text from then on; should it fail to be made at all,
// the engine is ready when the worker is.

/** Texts of up to this many UTF-16 units are annotated on the page's thread (about 4 ms at most). */
export const INLINE_MAX_CHARS = 20_000;

export class EngineError extends Error {
  constructor(message, { fatal = false, cancelled = false } = {}) {
    super(message);
    this.name = "EngineError";
    this.fatal = fatal;
    this.cancelled = cancelled;
  }
}

export class Engine {
  /**
   * `glue`: the wasm-bindgen glue (pkg/annotator.js) for the page's own
   * instance, when the page imported it already; else it is imported when
   * needed, which made the page ready about 25 ms later (a dynamic import,
   * even of a preloaded module, waits for a later task). `warmup`: a
   * typical text (the sample article) the first worker annotates a few
   * dozen times once started, so that V8 optimises the module's hot
   * functions before the reader's first text (worker.js); "" for none.
   */
  constructor({ wasmUrl = "pkg/annotator_bg.wasm", workerUrl = "worker.js", glue = null, warmup = "" } = {}) {
    this.warmup = warmup;
    this.wasmUrl = wasmUrl;
    this.workerUrl = workerUrl;
    this.glue = glue;
    this.module = null;
    this.worker = null;
    this.workerReady = null; // Promise resolved when the current worker is initialised
    this.workerUp = false; // whether it is (workerReady resolved)
    this.job = null; // {id, resolve, reject}
    this.nextId = 1;
    this.inline = null; // the glue of the page's own instance, once made (null again after a trap)
  }

  /**
   * Fetch and compile the WASM module, make the page's own instance, start a
   * worker (not waited for). Rejects with a readable message.
   */
  async load() {
    const boot = this.takeBoot();
    const compiled = boot ? boot.module : compileWasm(this.wasmUrl);
    this.module = await compiled;
    mark("annotator:compiled");
    try {
      this.inline = await makeInline(this.module, this.glue);
    } catch {
      this.inline = null;
    }
    // The worker starts once the page's own instance exists: its start-up
    // (a thread, its scripts, its instance) would otherwise compete with
    // the page's for the processor, and short texts never need it. It
    // starts a task later still, once the page is ready: making it and
    // posting it the module took some 10 ms on the page's thread.
    // (Unless a cancel made one meanwhile.)
    const workerReady = this.inline ? nextTask().then(() => (this.worker ? this.workerReady : this.spawn())) : this.spawn();
    this.workerReady = workerReady;
    workerReady.catch(() => {});
    workerReady.then(() => mark("annotator:worker-ready"), () => {});
    // No instance on this thread: the worker takes every text, ready when it is.
    if (!this.inline) await workerReady;
  }

  /** Annotate a short text on this thread: resolves or rejects like the worker's result. */
  annotateInline(text) {
    const t0 = performance.now();
    let json;
    try {
      json = this.inline.annotateJson(text, { offsets: "utf16" });
    } catch (err) {
      const fatal = isFatal(err);
      // The instance may be broken, and the glue keeps its one instance:
      // the worker (replaced after a crash) takes every text from now on.
      if (fatal) this.inline = null;
      throw new EngineError(describe(err), { fatal });
    }
    return { json, ms: performance.now() - t0, plan: null, pieces: null };
  }

  /**
   * The compiled module (a promise) boot.js started early for this URL,
   * once (a later load, or another engine, compiles its own); null if none.
   */
  takeBoot() {
    const boot = globalThis.annotatorBoot;
    if (!boot || boot.wasmUrl !== this.wasmUrl) return null;
    globalThis.annotatorBoot = null;
    return boot;
  }

  /** Start a fresh worker with `module` (the compiled module, or a promise of it). */
  spawn(module = this.module) {
    if (this.worker) this.worker.terminate();
    const worker = new Worker(this.workerUrl, { type: "module", name: "annotator" });
    this.worker = worker;
    this.workerUp = false;
    this.workerReady = new Promise((resolve, reject) => {
      worker.onmessage = (event) => {
        const msg = event.data || {};
        if (msg.type === "ready") {
          // The worker's side of its start: made, its script running, the module arriving.
          if (msg.times) {
            mark("annotator:worker-start", msg.times.start - performance.timeOrigin);
            mark("annotator:worker-script", msg.times.script - performance.timeOrigin);
            mark("annotator:worker-init", msg.times.init - performance.timeOrigin);
          }
          if (worker === this.worker) this.workerUp = true;
          resolve();
        }
        else if (msg.type === "warmed") {
          if (worker === this.worker) {
            this.warmup = "";
            mark("annotator:warmed");
          }
          // A warm-up run that broke the worker's instance: a fresh worker,
          // unless a job is running on it (which then fails and replaces it).
          if (msg.fatal && worker === this.worker && !this.job) this.spawn();
        }
        else if (msg.type === "settled") {
          // Start-up is over: the first worker has fetched all it ever will.
          if (worker === this.worker) mark("annotator:worker-settled");
        }
        else if (msg.type === "init-error") reject(new EngineError(`the annotator could not start: ${msg.message}`, { fatal: true }));
        else this.onResult(worker, msg);
      };
      worker.onerror = (event) => {
        event.preventDefault?.();
        const message = event.message || "the analysis worker stopped unexpectedly";
        reject(new EngineError(message, { fatal: true }));
        this.crashed(worker, message);
      };
      worker.onmessageerror = () => this.crashed(worker, "a message from the analysis worker could not be read");
    });
    // One worker warms the module up: its optimised code stays with the
    // module, for every later instance. (A worker replaced before its
    // warm-up is done hands the text on to the next.)
    const warmup = this.warmup;
    Promise.resolve(module).then(
      (m) => worker.postMessage({ type: "init", module: m, warmup }),
      () => {}, // load() reports it
    );
    // Avoid an unhandled rejection when nobody is waiting yet.
    this.workerReady.catch(() => {});
    return this.workerReady;
  }

  get busy() {
    return this.job !== null;
  }

  /** Whether annotate(text) runs on this thread: a short text, once the page's instance exists. */
  runsInline(text) {
    return this.inline !== null && text.length <= INLINE_MAX_CHARS;
  }

  /** Whether annotate(text) would first wait for the worker to start. */
  waitsForWorker(text) {
    return !this.runsInline(text) && !this.workerUp;
  }

  /**
   * Annotate `text`: resolves to {json, ms, plan, pieces} (see worker.js);
   * rejects with an EngineError. `onStart` is called when the text goes to
   * the worker, after any wait for it to start (not for a text annotated on
   * this thread).
   */
  async annotate(text, { onStart } = {}) {
    if (this.job) throw new EngineError("the annotator is busy");
    if (this.runsInline(text)) return this.annotateInline(text);
    const id = this.nextId++;
    const promise = new Promise((resolve, reject) => {
      this.job = { id, resolve, reject, worker: null };
    });
    try {
      await this.workerReady;
    } catch {
      // The previous worker failed to start: try a fresh one once.
      try {
        await this.spawn();
      } catch (err) {
        this.finish(id, null, err instanceof EngineError ? err : new EngineError(String(err), { fatal: true }));
        return promise;
      }
    }
    if (!this.job || this.job.id !== id) return promise; // cancelled meanwhile
    this.job.worker = this.worker;
    this.worker.postMessage({ type: "annotate", id, text });
    onStart?.();
    return promise;
  }

  onResult(worker, msg) {
    if (!this.job || msg.id !== this.job.id || worker !== this.worker) return;
    if (msg.type === "result") {
      this.finish(msg.id, { json: msg.json, ms: msg.ms, plan: msg.plan || null, pieces: msg.pieces || null });
    } else if (msg.type === "error") {
      if (msg.fatal) this.spawn();
      this.finish(msg.id, null, new EngineError(msg.message, { fatal: !!msg.fatal }));
    }
  }

  crashed(worker, message) {
    if (worker !== this.worker) return;
    const job = this.job;
    if (!job) return; // the next annotate() starts a fresh worker (no respawn loop on a broken script)
    this.spawn();
    this.finish(job.id, null, new EngineError(message, { fatal: true }));
  }

  finish(id, value, error) {
    const job = this.job;
    if (!job || job.id !== id) return;
    this.job = null;
    if (error) job.reject(error);
    else job.resolve(value);
  }

  /** Stop the running analysis (if any) and start a fresh worker. */
  cancel() {
    const job = this.job;
    if (!job) return false;
    this.spawn();
    this.finish(job.id, null, new EngineError("the analysis was cancelled", { cancelled: true }));
    return true;
  }
}

/** Resolves in a later task (after the current one, its microtasks, and what the caller does next). */
export function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Fetch and compile the module, streaming when the server sends it as
 * application/wasm (compiled while it downloads), else from the whole bytes.
 */
async function compileWasm(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const type = (res.headers.get("Content-Type") || "").split(";")[0].trim().toLowerCase();
  if (type === "application/wasm" && typeof WebAssembly.compileStreaming === "function") {
    return WebAssembly.compileStreaming(res);
  }
  return WebAssembly.compile(await res.arrayBuffer());
}

/**
 * The page's own instance of `module` through `glue` (the wasm-bindgen glue,
 * pkg/annotator.js, the worker's too), or the glue imported now: resolves to
 * the glue.
 */
async function makeInline(module, glue) {
  glue ??= await import("./pkg/annotator.js");
  glue.initSync({ module });
  mark("annotator:inline-ready");
  return glue;
}

/** A start-up mark for the bench (now, or at `startTime`), unless set already (boot.js sets some when they happen). */
function mark(name, startTime) {
  if (!performance.mark || performance.getEntriesByName(name, "mark").length) return;
  try {
    performance.mark(name, startTime === undefined ? undefined : { startTime: Math.max(0, startTime) });
  } catch {
    // a browser without mark options: no mark
  }
}

/**
 * Whether an error from the WASM module may have left its instance broken: a
 * plain Error is a refusal (bad input); anything else (a
 * WebAssembly.RuntimeError from a panic, a RangeError from memory) may not.
 */
export function isFatal(err) {
  return !(err instanceof Error) || err instanceof WebAssembly.RuntimeError || err instanceof RangeError || err.constructor !== Error;
}

export function describe(err) {
  if (err && typeof err.message === "string" && err.message) return err.message;
  return String(err);
}
