// Pure rendering: (text, annotation) -> DOM nodes.
//
// No global state and no side effects beyond creating nodes with the given
// document, so it can be reused by other views and tested on its own.
// User text only ever reaches the DOM through createTextNode / textContent.
//
// The annotation is the JSON described in shared ANNOTATION_FORMAT.md with
// offsets in UTF-16 code units (JavaScript string indices).

/** Highlight layers, outermost first when two spans cover the same range. */
export const LAYERS = ["quote", "speaker", "cue", "organization", "person", "location"];

/** Human-readable layer names (used by the legend and the tooltips). */
export const LAYER_LABELS = {
  quote: "Quote",
  speaker: "Speaker",
  cue: "Speech cue",
  person: "Person",
  location: "Location",
  organization: "Organisation",
};

const ENTITY_LAYERS = new Set(["person", "location", "organization"]);

function layerRank(layer) {
  const i = LAYERS.indexOf(layer);
  return i === -1 ? LAYERS.length : i;
}

function isOffset(n) {
  return Number.isInteger(n) && n >= 0;
}

/** Index the entities by id (ids need not equal array positions). */
export function entityIndex(ann) {
  const byId = new Map();
  for (const e of (ann && ann.entities) || []) {
    if (e && e.id != null) byId.set(e.id, e);
  }
  return byId;
}

/** The resolved name of a quote's speaker, or null. */
export function speakerName(quote, byId) {
  const sp = quote && quote.speaker;
  if (sp == null) return null;
  if (sp.entity != null && byId.has(sp.entity)) return byId.get(sp.entity).name ?? null;
  return null;
}

function quoteTitle(q, byId) {
  const kind = q.kind ? ` (${q.kind})` : "";
  let who = "unknown";
  let conf = "";
  if (q.speaker != null) {
    const name = speakerName(q, byId);
    who = name ?? String(q.speaker.text ?? "");
    if (name && q.speaker.text && q.speaker.text !== name) who = `${q.speaker.text} → ${name}`;
    if (typeof q.confidence === "number") conf = `, confidence ${q.confidence.toFixed(2)}`;
  }
  return `Quote${kind} — speaker: ${who}${conf}`;
}

function entityTitle(e) {
  const name = String(e.name ?? "");
  switch (e.type) {
    case "location": {
      const g = e.geo;
      if (g && (g.country || g.feature)) {
        return `${name}${g.country ? `, ${g.country}` : ""}${g.feature ? ` (${g.feature})` : ""}`;
      }
      return `${name} (location)`;
    }
    case "person":
      return `Person: ${name}`;
    case "organization":
      return `Organisation: ${name}`;
    default:
      return `${e.type}: ${name}`;
  }
}

// Span kinds, for plans made in the worker (see planRender).
const REF_QUOTE = 0;
const REF_SPEAKER = 1;
const REF_CUE = 2;
const REF_MENTION = 3;

function entityLayer(e) {
  return ENTITY_LAYERS.has(e.type) ? e.type : e.type.replace(/[^a-z0-9_-]/gi, "") || "other";
}

/** Where the span of a reference [kind, a, b] (see REF_*) lies (`src`, null when absent) and its layer. */
function locate(ann, kind, a, b) {
  if (kind === REF_MENTION) {
    const e = ann.entities[a];
    return { src: e.mentions[b], layer: entityLayer(e) };
  }
  const q = ann.quotes[a];
  if (kind === REF_QUOTE) return { src: q, layer: "quote" };
  if (kind === REF_SPEAKER) return { src: q.speaker, layer: "speaker" };
  return { src: q.cue, layer: "cue" };
}

/**
 * The tooltip and data attributes of a reference's marks: built only for
 * spans that are drawn, once each. `titles` caches entity titles.
 */
function decorate(ann, byId, kind, a, b, titles) {
  if (kind === REF_MENTION) {
    const e = ann.entities[a];
    let title = titles.get(e);
    if (title === undefined) {
      title = entityTitle(e);
      titles.set(e, title);
    }
    return { title, attrs: { "data-entity": String(e.id) } };
  }
  const q = ann.quotes[a];
  if (kind === REF_QUOTE) {
    return { title: quoteTitle(q, byId), attrs: { "data-quote": String(a), "data-kind": q.kind ?? "" } };
  }
  if (kind === REF_SPEAKER) {
    const name = speakerName(q, byId);
    const title = `Speaker of quote ${a + 1}: ${q.speaker.text ?? ""}${name && name !== q.speaker.text ? ` → ${name}` : ""}`;
    const attrs = { "data-speaker-of": String(a) };
    if (q.speaker.entity != null) attrs["data-entity"] = String(q.speaker.entity);
    return { title, attrs };
  }
  return { title: `Speech cue: ${q.cue.text ?? ""}`, attrs: { "data-cue-of": String(a) } };
}

/** A reference in words, for problem reports. */
function describe(ann, kind, a, b) {
  if (kind === REF_MENTION) {
    const e = ann.entities[a];
    return `${e.type} ${e.id} mention ${b}`;
  }
  return kind === REF_QUOTE ? `quote ${a}` : kind === REF_SPEAKER ? `speaker of quote ${a}` : `cue of quote ${a}`;
}

/** Give `spans` (from collectSpans or a plan) their tooltips and data attributes. */
function decorateAll(ann, spans, cache = {}) {
  cache.byId ??= entityIndex(ann);
  cache.titles ??= new Map();
  for (const s of spans) Object.assign(s, decorate(ann, cache.byId, s.ref[0], s.ref[1], s.ref[2], cache.titles));
  return spans;
}

/** Every span reference of an annotation, in annotation order: [kind, a, b]. */
function* spanRefs(ann) {
  const quotes = ann.quotes || [];
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i];
    if (!q) continue;
    yield [REF_QUOTE, i, 0];
    if (q.speaker != null) yield [REF_SPEAKER, i, 0];
    if (q.cue != null) yield [REF_CUE, i, 0];
  }
  const entities = ann.entities || [];
  for (let a = 0; a < entities.length; a++) {
    const e = entities[a];
    if (!e || typeof e.type !== "string") continue;
    const mentions = e.mentions || [];
    for (let b = 0; b < mentions.length; b++) yield [REF_MENTION, a, b];
  }
}

/**
 * Collect every highlight span of an annotation.
 * Returns {spans, problems}: spans are
 *   {start, end, layer, order, ref}
 * (decorateAll adds each one's title and attributes) and problems lists spans that were dropped or whose `text` does not match
 * the slice of `text` (a sign of an offset-unit mismatch).
 */
export function collectSpans(text, ann) {
  const spans = [];
  const problems = [];
  let order = 0;
  for (const ref of spanRefs(ann)) {
    const { src, layer } = locate(ann, ref[0], ref[1], ref[2]);
    if (src == null) continue;
    const { start, end } = src;
    if (!isOffset(start) || !isOffset(end) || end > text.length || start > end) {
      problems.push(`${describe(ann, ...ref)}: bad offsets [${start}, ${end}) for a text of length ${text.length}`);
      continue;
    }
    if (start === end) continue;
    if (typeof src.text === "string" && text.slice(start, end) !== src.text) {
      problems.push(`${describe(ann, ...ref)}: text ${JSON.stringify(src.text)} differs from the slice [${start}, ${end})`);
    }
    spans.push({ start, end, layer, order: order++, ref });
  }
  return { spans, problems };
}

/** Outer-before-inner order: start asc, end desc, then layer rank, then input order. */
function compareSpans(a, b) {
  return a.start - b.start || b.end - a.end || layerRank(a.layer) - layerRank(b.layer) || a.order - b.order;
}

/**
 * Cut [0, length) at every span boundary. Returns segments
 *   {start, end, stack}
 * where stack lists the spans covering the segment, outermost first.
 * Consecutive segments that share a stack prefix share those elements when
 * built, so a span is split into pieces only where it crosses another span.
 */
export function segment(spans, length, from = 0) {
  const sorted = [...spans].sort(compareSpans);
  const cuts = new Set([from, length]);
  for (const s of sorted) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].filter((p) => p >= from && p <= length).sort((a, b) => a - b);
  const segments = [];
  let active = [];
  let next = 0;
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    active = active.filter((s) => s.end > a);
    while (next < sorted.length && sorted[next].start <= a) {
      if (sorted[next].end > a) active.push(sorted[next]);
      next++;
    }
    active.sort(compareSpans);
    segments.push({ start: a, end: b, stack: active.slice() });
  }
  return segments;
}

function makeMark(doc, span, start) {
  const el = doc.createElement("mark");
  el.className = `ann ann-${ENTITY_LAYERS.has(span.layer) || LAYERS.includes(span.layer) ? span.layer : "other"}`;
  el.dataset.layer = span.layer;
  el.setAttribute("data-start", String(start));
  for (const [k, v] of Object.entries(span.attrs)) el.setAttribute(k, v);
  el.title = span.title;
  return el;
}

/** Build the DOM of the range [from, to) of the text from spans lying inside it. */
function buildRange(text, spans, from, to, doc) {
  const frag = doc.createDocumentFragment();
  const segments = segment(spans, to, from);

  // open: [{span, el}] mirroring the current element nesting.
  const open = [];
  const pieces = new Map(); // span -> [elements]
  const parentOf = (depth) => (depth === 0 ? frag : open[depth - 1].el);

  for (const seg of segments) {
    let common = 0;
    while (common < open.length && common < seg.stack.length && open[common].span === seg.stack[common]) common++;
    for (let d = open.length - 1; d >= common; d--) open[d].el.setAttribute("data-end", String(seg.start));
    open.length = common;
    for (let d = common; d < seg.stack.length; d++) {
      const span = seg.stack[d];
      const el = makeMark(doc, span, seg.start);
      parentOf(d).appendChild(el);
      open.push({ span, el });
      if (!pieces.has(span)) pieces.set(span, []);
      pieces.get(span).push(el);
    }
    parentOf(open.length).appendChild(doc.createTextNode(text.slice(seg.start, seg.end)));
  }
  for (const o of open) o.el.setAttribute("data-end", String(to));

  for (const els of pieces.values()) {
    if (els.length < 2) continue;
    els.forEach((el, i) => {
      el.dataset.part = i === 0 ? "first" : i === els.length - 1 ? "last" : "middle";
    });
  }
  // Anchor for the first piece of every quote (target of the quote list
  // links and of keyboard navigation).
  for (const [span, els] of pieces) {
    if (span.layer === "quote") {
      els[0].id = `quote-${span.attrs["data-quote"]}`;
      els[0].tabIndex = -1;
    }
  }
  return frag;
}

/**
 * Cut points for rendering a long text in chunks: after a line break that no
 * span crosses, about every `size` UTF-16 units. Spans must be sorted by start.
 */
export function chunkBounds(text, sorted, size) {
  const bounds = [0];
  let k = 0;
  let maxEnd = 0;
  let from = 0;
  while (text.length - from > size) {
    let p = text.indexOf("\n", from + size);
    while (p !== -1) {
      const cut = p + 1;
      while (k < sorted.length && sorted[k].start < cut) {
        if (sorted[k].end > maxEnd) maxEnd = sorted[k].end;
        k++;
      }
      if (maxEnd <= cut) break;
      p = text.indexOf("\n", maxEnd - 1);
    }
    if (p === -1 || p + 1 >= text.length) break;
    from = p + 1;
    bounds.push(from);
  }
  bounds.push(text.length);
  return bounds;
}

/**
 * Plan the rendering of the annotated text in chunks, without a document (the
 * analysis worker makes it, so the page's main thread never handles every
 * span at once). Returns
 *   {problems, counts, chunks: [{start, end, refs}]}
 * where refs is an Int32Array of [kind, a, b] triples: the spans lying in the
 * chunk, sorted. No span crosses a chunk boundary, so the chunks rendered in
 * turn (renderPlannedChunk) equal renderText's output.
 */
export function planRender(text, ann, { chunkChars = 8192 } = {}) {
  const { spans, problems } = collectSpans(text, ann);
  const sorted = spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const bounds = chunkBounds(text, sorted, chunkChars);
  const chunks = [];
  let k = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = bounds[i];
    const end = bounds[i + 1];
    const first = k;
    while (k < sorted.length && sorted[k].start < end) k++;
    const refs = new Int32Array((k - first) * 3);
    for (let j = first; j < k; j++) refs.set(sorted[j].ref, (j - first) * 3);
    chunks.push({ start, end, refs });
  }
  const counts = {};
  for (const s of spans) counts[s.layer] = (counts[s.layer] || 0) + 1;
  return { problems, counts, chunks };
}

/**
 * Render chunk `i` of a plan (planRender) as a DocumentFragment. `cache` (an
 * object kept across the chunks of one annotation) holds its entity index.
 */
export function renderPlannedChunk(text, ann, plan, i, doc = globalThis.document, cache = {}) {
  const c = plan.chunks[i];
  const spans = [];
  const refs = c.refs;
  for (let j = 0; j < refs.length; j += 3) {
    const ref = [refs[j], refs[j + 1], refs[j + 2]];
    const { src, layer } = locate(ann, ...ref);
    spans.push({ start: src.start, end: src.end, layer, order: j, ref });
  }
  return buildRange(text, decorateAll(ann, spans, cache), c.start, c.end, doc);
}

/**
 * Build the annotated text as a DocumentFragment of text nodes and properly
 * nested <mark> elements. Each mark carries data-layer, data-start and
 * data-end (the UTF-16 range of that piece); a span split into pieces gets
 * data-part="first" | "middle" | "last" on them.
 */
export function renderText(text, ann, doc = globalThis.document) {
  const { spans, problems } = collectSpans(text, ann);
  const frag = buildRange(text, decorateAll(ann, spans), 0, text.length, doc);
  const counts = {};
  for (const s of spans) counts[s.layer] = (counts[s.layer] || 0) + 1;
  return { fragment: frag, problems, counts };
}
