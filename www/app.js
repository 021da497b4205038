// Entry module of the annotator page: wires the controls to the WASM
// annotator and to the pure renderer in render.js.
import { LAYERS, LAYER_LABELS, renderText, renderQuoteList } from "./render.js";

const $ = (id) => document.getElementById(id);
const textarea = $("article");
const annotateBtn = $("annotate");
const clearBtn = $("clear");
const sampleBtn = $("load-sample");
const statusEl = $("status");
const errorEl = $("error");
const output = $("annotated");
const quotesEl = $("quotes");
const legendItems = $("legend-items");

let annotateFn = null; // set once the WASM module is initialised
let sampleText = null;
let lastAnnotated = null; // the text the output currently shows
let runs = 0;

function setState(state) {
  document.documentElement.dataset.state = state;
}

function setStatus(msg) {
  statusEl.textContent = msg;
}

function showError(msg) {
  errorEl.textContent = msg;
  errorEl.hidden = false;
}

function clearError() {
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

// ---- legend with per-layer visibility toggles ------------------------------

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
    label.append(box, swatch);
    li.appendChild(label);
    legendItems.appendChild(li);
  }
}

// ---- annotate ---------------------------------------------------------------

function render(text, ann) {
  const { fragment, problems, counts } = renderText(text, ann, document);
  output.replaceChildren(fragment);
  if (text.length === 0) output.replaceChildren(placeholder("Nothing to annotate."));

  const list = renderQuoteList(text, ann, document);
  quotesEl.replaceChildren(list.childElementCount ? list : placeholder("No quotes found."));
  return { problems, counts };
}

function annotateNow() {
  if (!annotateFn) return;
  const text = textarea.value;
  clearError();
  setState("busy");
  setStatus("Annotating…");
  const t0 = performance.now();
  try {
    const ann = annotateFn(text, { offsets: "utf16" });
    if (!ann || typeof ann !== "object") throw new Error("the annotator returned no result");
    if (!Array.isArray(ann.quotes) || !Array.isArray(ann.entities)) {
      throw new Error("the annotator returned an unexpected shape (no quotes/entities arrays)");
    }
    if (ann.version !== 1) throw new Error(`unsupported annotation format version ${ann.version}`);
    if (ann.offsets && ann.offsets !== "utf16") {
      throw new Error(`the annotator returned "${ann.offsets}" offsets, the page needs "utf16"`);
    }
    const { problems, counts } = render(text, ann);
    const ms = Math.round(performance.now() - t0);
    lastAnnotated = text;
    const entityCount = (ann.entities || []).length;
    setStatus(
      `Found ${plural(counts.quote || 0, "quote")}, ${plural(counts.person || 0, "person mention")}, ` +
        `${plural(counts.location || 0, "place mention")} and ${plural(counts.organization || 0, "organisation mention")} ` +
        `(${plural(entityCount, "entity", "entities")}) in ${ms} ms.`,
    );
    if (problems.length) {
      showError(
        `The annotation has ${plural(problems.length, "inconsistent span")}; ` +
          `the highlights may be misplaced. First: ${problems[0]}`,
      );
    }
    setState("done");
  } catch (err) {
    const msg = err && err.message ? err.message : String(err);
    showError(`Could not annotate this text: ${msg}`);
    setStatus("Annotation failed.");
    setState("error");
  } finally {
    runs += 1;
    document.documentElement.dataset.runs = String(runs);
  }
}

function clearAll() {
  textarea.value = "";
  lastAnnotated = null;
  clearError();
  output.replaceChildren(placeholder("The annotated article appears here."));
  quotesEl.replaceChildren(placeholder("No quotes yet."));
  setStatus("Cleared.");
  textarea.focus();
}

async function fetchSample() {
  if (sampleText !== null) return sampleText;
  const res = await fetch("sample.txt");
  if (!res.ok) throw new Error(`sample.txt: HTTP ${res.status}`);
  sampleText = await res.text();
  return sampleText;
}

async function loadSample() {
  try {
    textarea.value = await fetchSample();
    clearError();
    if (annotateFn) annotateNow();
  } catch (err) {
    showError(`Could not load the sample article: ${err.message}`);
  }
}

// ---- wiring -------------------------------------------------------------------

annotateBtn.addEventListener("click", annotateNow);
clearBtn.addEventListener("click", clearAll);
sampleBtn.addEventListener("click", loadSample);
textarea.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    annotateNow();
  }
});
textarea.addEventListener("input", () => {
  if (lastAnnotated !== null && textarea.value !== lastAnnotated && annotateFn) {
    setStatus("The text has changed: press Annotate to update the highlights.");
  }
});

async function start() {
  setState("loading");
  buildLegend();
  const samplePromise = fetchSample().then(
    (text) => {
      if (textarea.value === "") textarea.value = text;
    },
    (err) => showError(`Could not load the sample article: ${err.message}`),
  );
  try {
    const mod = await import("./pkg/annotator.js");
    await mod.default();
    annotateFn = mod.annotate;
  } catch (err) {
    await samplePromise;
    showError(`Could not load the annotator engine (pkg/annotator.js): ${err && err.message ? err.message : err}`);
    setStatus("The annotator is unavailable.");
    setState("error");
    return;
  }
  await samplePromise;
  annotateBtn.disabled = false;
  setStatus("Ready.");
  setState("ready");
  if (textarea.value !== "") annotateNow();
}

start();
