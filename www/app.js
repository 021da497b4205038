// Entry module of the annotator page: wires the controls to the analysis
// engine (WASM in a Web Worker, engine.js), the renderer (render.js), the
// panels (panels.js) and the exports (export.js).
import { LAYERS, LAYER_LABELS, planRender, renderPlannedChunk } from "./render.js";
import { renderWhoSaidWhat, places, renderPlaces, renderMap, renderDetails } from "./panels.js";
import { toCsv, toWebAnnotation, webAnnotationParts } from "./export.js";
import { htmlToText } from "./htmltext.js";
import { Engine, nextTask } from "./engine.js";
// The glue for the page's own WASM instance (the worker loads the same file).
import * as glue from "./pkg/annotator.js";

// The engine takes over the module boot.js started compiling.
const engine = new Engine({ glue, warmup: document.getElementById("article").defaultValue });
/** Resolves when the engine is ready; rejects with a readable message. */
const engineLoaded = engine.load();
engineLoaded.catch(() => {}); // start() reports it

/** Largest input, in bytes of UTF-8 (the WASM module itself takes up to 64 MB). */
export const MAX_BYTES = 50 * 1024 * 1024;
const LIVE_DELAY_MS = 350;
const LIVE_DELAY_LARGE_MS = 1000;

const $ = (id) => document.getElementById(id);
const root = document.documentElement;
const textarea = $("article");
const annotateBtn = $("annotate");
const cancelBtn = $("cancel");
const liveBox = $("live");
const fileInput = $("file");
const statusEl = $("status");
const errorEl = $("error");
const output = $("annotated");
const quotesEl = $("quotes");
const placesEl = $("places");
const mapEl = $("map");
const legendItems = $("legend-items");
const details = $("details");
const detailsBody = $("details-body");
const exportBtns = [$("export-json"), $("export-csv"), $("export-jsonld")];

let engineReady = false;
let pending = null; // text waiting to be annotated (latest wins)
let running = false;
let lastRequested = null; // text of the latest accepted request
let renderToken = 0;
let current = null; // {text, ann, json} shown on the page (json: a string, or UTF-8 bytes for a large one)
let sourceName = "article"; // base name for exports
// An opened .txt file's text with its CR LF line endings, while the text box
// holds it unedited: the box keeps LF only, and the annotation's offsets
// should point into the file as the user has it.
let fileText = null;
let currentQuote = -1;
let runs = 0;
let liveTimer = 0;
let cancelTimer = 0;
let cancelStatus = null; // the status a cancelled run leaves, when not the Cancel button's (Clear: "Cleared.")

const reducedMotion = () => matchMedia("(prefers-reduced-motion: reduce)").matches;

// ---- small helpers -------------------------------------------------------------

/** Texts below this many characters are usually annotated within a frame or two. */
const QUIET_BELOW = 100_000;
const QUIET_MS = 150;
let busyTimer = 0;

let busyStatus = ""; // the status of the current busy state

/**
 * `<html data-state>`, the page's state for scripts, tests and the bench
 * (tools/bench/page.mjs measures load to the first "ready"):
 *
 * - "loading": the annotator is starting; nothing can be annotated yet.
 * - "ready": the page can annotate: the WASM module is compiled and the
 *   page's own instance made, which annotates short texts at once. The worker
 *   for long texts may still be starting: a long text then waits for it
 *   (`data-phase="starting"`, and the status says so).
 * - "busy": a text is being annotated; `data-phase` says where it is:
 *   "starting" (waiting for the worker), "analysing", "rendering".
 * - "done": the annotation of the latest text is shown.
 * - "error": the latest text could not be annotated, or the annotator could
 *   not start (the message is in #error).
 *
 * It changes at once. The visible busy state (spinner, faded text,
 * aria-busy, status) of a `quiet` run (a short text) only shows if it lasts
 * QUIET_MS: a result within a frame or two then never costs a busy frame of
 * its own, nor a flicker.
 */
function setState(state, { quiet = false, status = "" } = {}) {
  root.dataset.state = state;
  clearTimeout(busyTimer);
  const busy = state === "busy";
  busyStatus = busy ? status : "";
  if (busy && quiet) {
    busyTimer = setTimeout(() => showBusy(true, busyStatus), QUIET_MS);
    return;
  }
  showBusy(busy, busyStatus);
}

/** A new status for the current busy state: shown now if the busy state shows, else when it does. */
function setBusyStatus(status) {
  busyStatus = status;
  if (root.classList.contains("is-busy")) setStatus(status);
}

function showBusy(busy, status) {
  const value = String(busy);
  if (output.getAttribute("aria-busy") !== value) output.setAttribute("aria-busy", value);
  root.classList.toggle("is-busy", busy);
  if (status) setStatus(status);
}

function setStatus(msg) {
  statusEl.textContent = msg;
}

function showError(msg) {
  errorEl.textContent = msg;
  errorEl.hidden = false;
}

function clearError() {
  if (errorEl.hidden && !errorEl.firstChild) return; // nothing to change (no relayout)
  errorEl.textContent = "";
  errorEl.hidden = true;
}

function placeholder(msg) {
  const p = document.createElement("p");
  p.className = "placeholder";
  p.textContent = msg;
  return p;
}

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function finishRun() {
  delete root.dataset.phase;
  runs += 1;
  root.dataset.runs = String(runs);
}

function formatMB(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** UTF-8 length of a string, counted only when it could matter for the limit. */
function utf8Length(s, limit = MAX_BYTES) {
  if (s.length * 3 <= limit) return s.length; // cannot exceed: skip counting
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Main-thread work per task while showing a large result, in ms: input and frames get through in between. */
const SLICE_MS = 12;

let worldmap = null;
let mapSvg = null; // the map of the latest annotation, kept to redraw only its dots
const NO_MAP = { project: () => null };
/** The world map data (worldmap.js, the page's biggest script), loaded once the annotator is ready. */
function loadWorldmap() {
  worldmap ??= import("./worldmap.js");
  return worldmap;
}

// ---- legend with per-layer visibility toggles and counts --------------------------

function buildLegend() {
  for (const layer of LAYERS) {
    const li = document.createElement("li");
    const label = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.layer = layer;
    box.addEventListener("change", () => {
      output.classList.toggle(`hide-${layer}`, !box.checked);
    });
    const swatch = document.createElement("span");
    swatch.className = `swatch ann ann-${layer}`;
    swatch.textContent = LAYER_LABELS[layer];
    const count = document.createElement("span");
    count.className = "legend-count";
    count.dataset.layer = layer;
    count.textContent = "0";
    label.append(box, swatch, " ", count);
    li.appendChild(label);
    legendItems.appendChild(li);
  }
}

function updateLegend(counts) {
  for (const c of legendItems.querySelectorAll(".legend-count")) c.textContent = String(counts[c.dataset.layer] || 0);
}

// ---- annotation runs ---------------------------------------------------------------

/**
 * Ask for the current text to be annotated; `force` re-runs even an unchanged
 * text. `yieldFirst`: the analysis starts in a task of its own (pump).
 */
function requestAnnotate({ force = false, yieldFirst = false } = {}) {
  clearTimeout(liveTimer);
  if (!engineReady) return;
  const text = fileText ?? textarea.value;
  if (!force && text === lastRequested) return;
  const bytes = utf8Length(text);
  if (bytes > MAX_BYTES) {
    lastRequested = null;
    pending = null;
    showError(
      `This text is ${formatMB(bytes)}, above the limit of ${formatMB(MAX_BYTES)}. ` +
        "Split it into smaller parts and annotate them one at a time.",
    );
    setStatus("Text too large: not annotated.");
    setState("error");
    finishRun();
    return;
  }
  lastRequested = text;
  pending = text;
  cancelStatus = null;
  if (!running) pump({ yieldFirst });
}

/**
 * Annotate the pending texts, latest first, one at a time. `yieldFirst`:
 * the first analysis waits for the next task (the state is "busy" at once),
 * so that what the caller changed is handled and painted first.
 */
async function pump({ yieldFirst = false } = {}) {
  running = true;
  while (pending !== null) {
    const text = pending;
    pending = null;
    clearError();
    const status = text.length > 200_000 ? `Annotating ${formatMB(utf8Length(text, 0))}…` : "Annotating…";
    // A long text just after start-up: the worker it goes to may still be starting.
    const waiting = engine.waitsForWorker(text);
    setState("busy", {
      quiet: text.length < QUIET_BELOW,
      status: waiting ? `${status} (the analysis worker is still starting)` : status,
    });
    clearTimeout(cancelTimer);
    cancelTimer = setTimeout(() => (cancelBtn.hidden = false), 400);
    let result;
    root.dataset.phase = waiting ? "starting" : "analysing";
    const onStart = () => {
      root.dataset.phase = "analysing";
      if (waiting) setBusyStatus(status);
    };
    if (yieldFirst) {
      yieldFirst = false;
      await nextTask();
      if (pending !== null || lastRequested !== text) continue; // superseded or cleared meanwhile
    }
    try {
      result = await engine.annotate(text, { onStart });
    } catch (err) {
      clearTimeout(cancelTimer);
      cancelBtn.hidden = true;
      if (pending !== null) continue; // superseded
      if (err.cancelled) {
        lastRequested = null;
        setStatus(cancelStatus ?? "Cancelled. Edit the text or press Annotate to start again.");
        cancelStatus = null;
        setState(current ? "done" : "ready");
      } else {
        lastRequested = null;
        showError(
          `The analysis failed: ${err.message}. ` +
            (err.fatal ? "The annotator was restarted; " : "") +
            "edit the text or press Annotate to try again.",
        );
        setStatus("Annotation failed.");
        setState("error");
      }
      finishRun();
      continue;
    }
    clearTimeout(cancelTimer);
    cancelBtn.hidden = true;
    root.dataset.phase = "rendering";
    if (pending !== null) continue; // the text changed meanwhile: the result is stale
    let ann;
    try {
      ann = await parseResult(result);
      if (ann === null) continue; // superseded while parsing
      checkShape(ann);
    } catch (err) {
      showError(`Could not read the annotation: ${err.message}`);
      setStatus("Annotation failed.");
      setState("error");
      finishRun();
      continue;
    }
    const t0 = performance.now();
    const shown = await show(text, ann, result.json, result.plan);
    if (!shown) continue; // superseded while rendering
    const renderMs = Math.round(performance.now() - t0);
    const counts = shown.counts;
    setStatus(
      `Found ${plural(counts.quote || 0, "quote")}, ${plural(counts.person || 0, "person mention")}, ` +
        `${plural(counts.location || 0, "place mention")} and ${plural(counts.organization || 0, "organisation mention")} ` +
        `(${plural(ann.entities.length, "entity", "entities")}); analysis ${Math.round(result.ms)} ms, display ${renderMs} ms.`,
    );
    if (shown.problems.length) {
      showError(
        `The annotation has ${plural(shown.problems.length, "inconsistent span")}; ` +
          `the highlights may be misplaced. First: ${shown.problems[0]}`,
      );
    }
    setState("done");
    finishRun();
  }
  running = false;
}

function checkShape(ann) {
  if (!ann || typeof ann !== "object") throw new Error("the annotator returned no result");
  if (!Array.isArray(ann.quotes) || !Array.isArray(ann.entities)) {
    throw new Error("the annotator returned an unexpected shape (no quotes/entities arrays)");
  }
  if (ann.version !== 1) throw new Error(`unsupported annotation format version ${ann.version}`);
  if (ann.offsets && ann.offsets !== "utf16") throw new Error(`the annotator returned "${ann.offsets}" offsets, the page needs "utf16"`);
}

/**
 * The annotation of a worker result: one JSON.parse for a small one; for a
 * large one, its pieces (see worker.js) parsed a slice at a time, so input and
 * frames get through. Resolves to null if superseded meanwhile.
 */
async function parseResult(result) {
  if (!result.pieces) return JSON.parse(result.json);
  const { head, quotes, entities } = result.pieces;
  const decoder = new TextDecoder();
  const ann = { ...head, quotes: [], entities: [] };
  let t0 = performance.now();
  for (const [list, pieces] of [
    [ann.quotes, quotes],
    [ann.entities, entities],
  ]) {
    for (const piece of pieces) {
      for (const item of JSON.parse(decoder.decode(piece))) list.push(item);
      if (performance.now() - t0 > SLICE_MS) {
        await nextTask();
        if (pending !== null) return null;
        t0 = performance.now();
      }
    }
  }
  return ann;
}

/**
 * Render text + annotation; resolves to {counts, problems}, or null if
 * superseded. The worker's plan says which spans fall in which chunk of the
 * text. A text of one chunk (most articles) is built and swapped in at once.
 * A longer one is shown progressively, a time slice of chunks per task, so the
 * page keeps answering input; off-screen chunks cost little (content-visibility).
 */
async function show(text, ann, json, plan) {
  const token = ++renderToken;
  if (!plan) plan = planRender(text, ann); // a small result (or the worker could not plan it)
  const superseded = () => token !== renderToken || pending !== null;
  const cache = {};
  const n = plan.chunks.length;

  closeDetails();
  currentQuote = -1;
  current = { text, ann, json };
  let i = 0;
  let first = true;
  while (first || i < n) {
    const t0 = performance.now();
    const frag = document.createDocumentFragment();
    if (text.length === 0) frag.append(placeholder("Nothing to annotate."));
    while (i < n && (i === 0 || performance.now() - t0 < SLICE_MS)) {
      const div = document.createElement("div");
      div.className = "chunk";
      div.append(renderPlannedChunk(text, ann, plan, i, document, cache));
      frag.append(div);
      i++;
    }
    if (first) output.replaceChildren(frag);
    else output.append(frag);
    first = false;
    if (i < n) {
      await nextTask();
      if (superseded()) return null;
    }
  }
  updateLegend(plan.counts);

  let map = null;
  try {
    map = await loadWorldmap();
  } catch {
    // reported when it failed to load; the places are listed without the map
  }
  if (n > 1) {
    await nextTask();
    if (superseded()) return null;
  }
  const who = renderWhoSaidWhat(text, ann, document);
  quotesEl.replaceChildren(who.childElementCount ? who : placeholder("No quotes found."));
  if (n > 1) {
    await nextTask();
    if (superseded()) return null;
  }
  const list = places(ann);
  if (map) {
    mapSvg = renderMap(list, document, map, mapSvg);
    if (mapSvg.parentNode !== mapEl) mapEl.replaceChildren(mapSvg);
  }
  placesEl.replaceChildren(list.length ? renderPlaces(list, document, map || NO_MAP) : placeholder("No places found."));
  setExports(true);
  return { counts: plan.counts, problems: plan.problems };
}

function clearAll() {
  clearTimeout(liveTimer);
  if (engine.busy) {
    cancelStatus = "Cleared.";
    engine.cancel();
  }
  pending = null;
  textarea.value = "";
  fileText = null;
  lastRequested = null;
  current = null;
  sourceName = "article";
  renderToken++;
  clearError();
  closeDetails();
  output.replaceChildren(placeholder("The annotated article appears here."));
  quotesEl.replaceChildren(placeholder("No quotes yet."));
  placesEl.replaceChildren(placeholder("No places yet."));
  mapEl.replaceChildren();
  updateLegend({});
  setExports(false);
  setStatus("Cleared.");
  if (engineReady) setState("ready");
  textarea.focus();
}

// ---- linking, details, keyboard navigation -------------------------------------------

function quoteEls() {
  return output.querySelectorAll("mark[data-layer=quote][id^=quote-]");
}

/** Quote indices related to an element of the annotated text (quote, its speaker, its cue). */
function relatedQuotes(target) {
  const set = new Set();
  for (let n = target instanceof Element ? target : null; n && n !== output; n = n.parentElement) {
    const d = n.dataset;
    if (d.quote != null) set.add(d.quote);
    if (d.speakerOf != null) set.add(d.speakerOf);
    if (d.cueOf != null) set.add(d.cueOf);
  }
  return set;
}

let linked = [];
function setLinked(indices) {
  for (const e of linked) e.classList.remove("linked");
  linked = [];
  for (const i of indices) {
    for (const e of output.querySelectorAll(`[data-quote="${i}"], [data-speaker-of="${i}"], [data-cue-of="${i}"]`)) {
      e.classList.add("linked");
      linked.push(e);
    }
  }
}

function showDetails(i) {
  if (!current || !current.ann.quotes[i]) return;
  currentQuote = i;
  detailsBody.replaceChildren(renderDetails(current.text, current.ann, i, document));
  $("details-heading").textContent = `Quote ${i + 1} of ${current.ann.quotes.length}`;
  details.hidden = false;
  details.dataset.quote = String(i);
}

function closeDetails() {
  details.hidden = true;
  delete details.dataset.quote;
}

/** Move to quote `i`: scroll it into view, focus it, show its details. */
function goToQuote(i) {
  const el = document.getElementById(`quote-${i}`);
  if (!el) return;
  el.scrollIntoView({ block: "center", behavior: reducedMotion() ? "auto" : "smooth" });
  el.focus({ preventScroll: true });
  showDetails(i);
}

output.addEventListener("mouseover", (e) => setLinked(relatedQuotes(e.target)));
output.addEventListener("mouseleave", () => setLinked(relatedQuotes(document.activeElement)));
output.addEventListener("focusin", (e) => {
  setLinked(relatedQuotes(e.target));
  const q = e.target.closest?.("mark[data-layer=quote][id^=quote-]");
  if (q) showDetails(Number(q.dataset.quote));
});
output.addEventListener("focusout", () => setLinked([]));
output.addEventListener("click", (e) => {
  const rel = [...relatedQuotes(e.target)];
  if (!rel.length) return;
  // The innermost quote-related span wins (a speaker inside another quote).
  const i = Number(rel[0]);
  const el = document.getElementById(`quote-${i}`);
  if (el) el.focus({ preventScroll: true });
  showDetails(i);
});
output.addEventListener("keydown", (e) => {
  // (With the quote layer unticked in the legend, there is no quote to move to.)
  if (e.altKey || e.ctrlKey || e.metaKey || output.classList.contains("hide-quote")) return;
  const all = quoteEls();
  if (!all.length) return;
  const focused = document.activeElement?.closest?.("mark[data-layer=quote][id^=quote-]");
  const pos = focused ? [...all].indexOf(focused) : -1;
  let next = null;
  if (e.key === "j" || e.key === "ArrowDown") next = Math.min(all.length - 1, pos + 1);
  else if (e.key === "k" || e.key === "ArrowUp") next = pos === -1 ? 0 : Math.max(0, pos - 1);
  else if (e.key === "Home") next = 0;
  else if (e.key === "End") next = all.length - 1;
  else if (e.key === "Enter" && focused) next = pos;
  else if (e.key === "Escape") {
    closeDetails();
    return;
  }
  if (next === null) return;
  e.preventDefault();
  goToQuote(Number(all[next].dataset.quote));
});
$("details-close").addEventListener("click", () => {
  const i = currentQuote;
  closeDetails();
  document.getElementById(`quote-${i}`)?.focus({ preventScroll: true });
});

quotesEl.addEventListener("click", (e) => {
  const a = e.target.closest?.("a.quote-link");
  if (!a) return;
  e.preventDefault();
  goToQuote(Number(a.dataset.quote));
});

function highlightPlace(id, on) {
  for (const d of mapEl.querySelectorAll(`circle[data-entity="${id}"]`)) d.classList.toggle("hl", on);
  for (const li of placesEl.querySelectorAll(`li[data-entity="${id}"]`)) li.classList.toggle("hl", on);
}
for (const evt of ["mouseover", "focusin"]) {
  placesEl.addEventListener(evt, (e) => {
    const li = e.target.closest?.("li[data-entity]");
    if (li) highlightPlace(li.dataset.entity, true);
  });
  mapEl.addEventListener(evt, (e) => {
    const c = e.target.closest?.("circle[data-entity]");
    if (c) highlightPlace(c.dataset.entity, true);
  });
}
for (const evt of ["mouseout", "focusout"]) {
  placesEl.addEventListener(evt, (e) => {
    const li = e.target.closest?.("li[data-entity]");
    if (li) highlightPlace(li.dataset.entity, false);
  });
  mapEl.addEventListener(evt, (e) => {
    const c = e.target.closest?.("circle[data-entity]");
    if (c) highlightPlace(c.dataset.entity, false);
  });
}
placesEl.addEventListener("click", (e) => {
  const btn = e.target.closest?.("button.place-name");
  if (!btn) return;
  const m = output.querySelector(`mark[data-layer=location][data-entity="${btn.dataset.entity}"]`);
  if (!m) return;
  m.tabIndex = -1;
  m.scrollIntoView({ block: "center", behavior: reducedMotion() ? "auto" : "smooth" });
  m.focus({ preventScroll: true });
  m.classList.add("flash");
  setTimeout(() => m.classList.remove("flash"), 1500);
});

// ---- exports ---------------------------------------------------------------------

function setExports(on) {
  for (const b of exportBtns) b.disabled = !on;
}

/**
 * Download `content` as a file named `name`: a string, or a function that
 * returns the pieces to join (called here, so that a failure to build them,
 * such as a string too long for the engine, is shown too).
 */
function download(name, type, content) {
  let url;
  try {
    url = URL.createObjectURL(new Blob(typeof content === "function" ? content() : [content], { type }));
  } catch (err) {
    showError(`Could not write ${name}: ${err.message}.`);
    setStatus("Export failed.");
    return;
  }
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  setStatus(`Downloaded ${name}.`);
}

$("export-json").addEventListener("click", () => {
  if (current) download(`${sourceName}.annotation.json`, "application/json", current.json);
});
$("export-csv").addEventListener("click", () => {
  if (current) download(`${sourceName}.quotes.csv`, "text/csv;charset=utf-8", () => [toCsv(current.text, current.ann)]);
});
$("export-jsonld").addEventListener("click", () => {
  if (!current) return;
  const label = `Quotes and entities in ${sourceName}`;
  download(`${sourceName}.annotation.jsonld`, "application/ld+json", () => webAnnotationParts(toWebAnnotation(current.text, current.ann, { label })));
});

// ---- files: pick or drop ----------------------------------------------------------------

const TEXT_EXT = /\.(txt|text)$/i;
const HTML_EXT = /\.(html?|xhtml)$/i;

async function openFile(file) {
  if (!file) return;
  const isHtml = HTML_EXT.test(file.name) || (!TEXT_EXT.test(file.name) && file.type === "text/html");
  const isText = TEXT_EXT.test(file.name) || (!HTML_EXT.test(file.name) && file.type === "text/plain");
  if (!isHtml && !isText) {
    showError(`“${file.name}” is not a .txt or .html file: open a plain-text or HTML file.`);
    setStatus("File not opened.");
    finishRun();
    return;
  }
  if (file.size > MAX_BYTES) {
    showError(`“${file.name}” is ${formatMB(file.size)}, above the limit of ${formatMB(MAX_BYTES)}: not opened.`);
    setStatus("File too large: not opened.");
    setState(engineReady ? "error" : root.dataset.state);
    finishRun();
    return;
  }
  try {
    const raw = new TextDecoder("utf-8").decode(await file.arrayBuffer());
    const text = isHtml ? htmlToText(raw) : raw;
    textarea.value = text;
    fileText = !isHtml && raw.includes("\r") ? raw : null;
    sourceName = file.name.replace(/\.[^.]*$/, "").replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 80) || "article";
    clearError();
    setStatus(`Opened ${file.name}${isHtml ? " (HTML reduced to its text)" : ""}.`);
    requestAnnotate({ force: true });
  } catch (err) {
    showError(`Could not read “${file.name}”: ${err.message}`);
    finishRun();
  }
}

fileInput.addEventListener("change", () => {
  const f = fileInput.files && fileInput.files[0];
  fileInput.value = "";
  openFile(f);
});

let dragDepth = 0;
const hasFiles = (e) => e.dataTransfer && [...e.dataTransfer.types].includes("Files");
document.addEventListener("dragenter", (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  dragDepth++;
  root.classList.add("dragging");
});
document.addEventListener("dragover", (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault();
  e.dataTransfer.dropEffect = "copy";
});
document.addEventListener("dragleave", (e) => {
  if (!hasFiles(e)) return;
  dragDepth = Math.max(0, dragDepth - 1);
  if (dragDepth === 0) root.classList.remove("dragging");
});
document.addEventListener("drop", (e) => {
  if (!hasFiles(e)) return;
  e.preventDefault(); // never let the browser navigate to the file
  dragDepth = 0;
  root.classList.remove("dragging");
  openFile(e.dataTransfer.files[0]);
});

// ---- sample -------------------------------------------------------------------------

// make site puts the sample article (www/sample.txt) in the text box of
// index.html: its default value. It is on the page from the first paint, with
// no request of its own before the page is ready.
const isSample = (text) => text !== "" && text === textarea.defaultValue;

function loadSample() {
  textarea.value = textarea.defaultValue;
  fileText = null;
  sourceName = "sample";
  clearError();
  requestAnnotate({ force: true });
}

// ---- wiring ------------------------------------------------------------------------------

annotateBtn.addEventListener("click", () => requestAnnotate({ force: true }));
cancelBtn.addEventListener("click", () => engine.cancel());
$("clear").addEventListener("click", clearAll);
$("load-sample").addEventListener("click", loadSample);
textarea.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    requestAnnotate({ force: true });
  }
});
// A paste above the limit is refused before it reaches the text box (a
// text box holding tens of megabytes makes any browser sluggish).
textarea.addEventListener("paste", (e) => {
  const pasted = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
  const bytes = utf8Length(pasted);
  if (bytes <= MAX_BYTES) return;
  e.preventDefault();
  showError(
    `The pasted text is ${formatMB(bytes)}, above the limit of ${formatMB(MAX_BYTES)}: it was not pasted. ` +
      "Paste or open a smaller part at a time.",
  );
  setStatus("Paste refused: text too large.");
  if (engineReady) setState("error");
  finishRun();
});
textarea.addEventListener("input", () => {
  clearTimeout(liveTimer);
  fileText = null; // edited: the text box's text is the text now
  sourceName = "article";
  if (!engineReady) return;
  if (!liveBox.checked) {
    if (current && textarea.value !== current.text) setStatus("The text has changed: press Annotate to update the highlights.");
    return;
  }
  const delay = textarea.value.length > 100_000 ? LIVE_DELAY_LARGE_MS : LIVE_DELAY_MS;
  liveTimer = setTimeout(() => requestAnnotate(), delay);
});

function registerServiceWorker() {
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register("sw.js", { scope: "./" }).then(
    (reg) => {
      root.dataset.sw = "registered";
      return reg;
    },
    () => {
      root.dataset.sw = "unavailable";
    },
  );
}

async function start() {
  setState("loading");
  buildLegend();
  if (isSample(textarea.value)) sourceName = "sample";
  try {
    await engineLoaded;
  } catch (err) {
    showError(`Could not load the annotator engine (pkg/annotator_bg.wasm): ${err && err.message ? err.message : err}`);
    setStatus("The annotator is unavailable.");
    setState("error");
    return;
  }
  engineReady = true;
  annotateBtn.disabled = false;
  setStatus("Ready.");
  setState("ready");
  loadWorldmap().catch((err) => showError(`Could not load the world map: ${err.message}`));
  // The text in the box (the sample) is annotated at once, but in a task of
  // its own: the first analysis compiles most of the module's functions (on
  // first use; tens of milliseconds), and the page is ready before that.
  if (textarea.value !== "") requestAnnotate({ force: true, yieldFirst: true });
  if (document.readyState === "complete") registerServiceWorker();
  else addEventListener("load", registerServiceWorker, { once: true });
}

start();
