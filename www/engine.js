// The annotator engine as seen from the page: a WebAssembly module compiled
// once on the main thread (streaming: compiled while it downloads) and run in
// a Web Worker, so a long analysis never blocks the page. The worker starts
// loading its scripts while the module compiles; both usually started already
// in boot.js, before the page's modules arrived. One job runs at a time.
// After a crash, a trap in the WASM module or a cancel, the worker is replaced
// by a fresh one, so the next input always starts from a clean instance.

export class EngineError extends Error {
  constructor(message, { fatal = false, cancelled = false } = {}) {
    super(message);
    this.name = "EngineError";
    this.fatal = fatal;
    this.cancelled = cancelled;
  }
}

export class Engine {
  constructor({ wasmUrl = "pkg/annotator_bg.wasm", workerUrl = "worker.js" } = {}) {
    this.wasmUrl = wasmUrl;
    this.workerUrl = workerUrl;
    this.module = null;
    this.worker = null;
    this.workerReady = null; // Promise resolved when the current worker is initialised
    this.job = null; // {id, resolve, reject}
    this.nextId = 1;
  }

  /** Fetch and compile the WASM module, start a worker. Rejects with a readable message. */
  async load() {
    const boot = this.takeBoot();
    const compiled = boot ? boot.module : compileWasm(this.wasmUrl);
    compiled.catch(() => {});
    // The worker loads its own scripts meanwhile; it gets the module once compiled.
    const ready = this.spawn(compiled, boot);
    try {
      this.module = await compiled;
    } catch (err) {
      this.worker.terminate();
      this.worker = null;
      throw err;
    }
    mark("annotator:compiled");
    await ready;
    mark("annotator:worker-ready");
  }

  /**
   * The module and worker boot.js started early for these URLs, once (a
   * later load, or another engine, starts its own); null if there are none.
   */
  takeBoot() {
    const boot = globalThis.annotatorBoot;
    if (!boot || boot.wasmUrl !== this.wasmUrl || boot.workerUrl !== this.workerUrl || !boot.worker) return null;
    globalThis.annotatorBoot = null;
    return boot;
  }

  /**
   * Start a fresh worker with `module` (the compiled module, or a promise of
   * it); or take over the worker boot.js started, with its module.
   */
  spawn(module = this.module, boot = null) {
    if (this.worker) this.worker.terminate();
    const worker = boot ? boot.worker : new Worker(this.workerUrl, { type: "module", name: "annotator" });
    this.worker = worker;
    this.workerReady = new Promise((resolve, reject) => {
      worker.onmessage = (event) => {
        const msg = event.data || {};
        if (msg.type === "ready") resolve();
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
      // The early worker may have answered, or failed, before these
      // handlers were attached (boot.js sends it the module itself).
      const failure = boot && boot.failure();
      const first = boot && boot.first();
      if (failure) reject(new EngineError(failure, { fatal: true }));
      else if (first) worker.onmessage({ data: first });
    });
    if (!boot) {
      Promise.resolve(module).then(
        (m) => worker.postMessage({ type: "init", module: m }),
        () => {}, // load() reports it
      );
    }
    // Avoid an unhandled rejection when nobody is waiting yet.
    this.workerReady.catch(() => {});
    return this.workerReady;
  }

  get busy() {
    return this.job !== null;
  }

  /** Annotate `text`: resolves to {json, ms, plan, pieces} (see worker.js); rejects with an EngineError. */
  async annotate(text) {
    if (this.job) throw new EngineError("the annotator is busy");
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

/** A start-up mark for the bench, unless boot.js set it already (when it happened). */
function mark(name) {
  if (performance.mark && !performance.getEntriesByName(name, "mark").length) performance.mark(name);
}

