// Exports of an annotation: CSV (one row per quote) and W3C Web Annotation
// JSON-LD. Pure functions of (text, annotation); the page downloads the
// strings they return. The annotation JSON itself is exported byte for byte
// as the annotator produced it.
import { entityIndex, speakerName } from "./render.js";

/**
 * UTF-16 offsets -> Unicode code point offsets, for many offsets at once
 * (one pass over the text). Returns a Map from each given offset.
 */
export function codePointOffsets(text, offsets) {
  const sorted = [...new Set(offsets)].filter(Number.isInteger).sort((a, b) => a - b);
  const map = new Map();
  let cp = 0;
  let i = 0;
  for (const target of sorted) {
    for (; i < target && i < text.length; i++) {
      const c = text.charCodeAt(i);
      // A low surrogate right after a high one is the second half of one code point.
      if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && isHigh(text.charCodeAt(i - 1)))) cp++;
    }
    map.set(target, cp);
  }
  return map;
}

function isHigh(c) {
  return c >= 0xd800 && c <= 0xdbff;
}

// ---- CSV ---------------------------------------------------------------------

export const CSV_COLUMNS = [
  "quote",
  "speaker_as_written",
  "resolved_speaker",
  "cue",
  "kind",
  "confidence",
  "start_utf16",
  "end_utf16",
  "start_codepoint",
  "end_codepoint",
];

/**
 * RFC 4180 field. A field starting with = + - @ (or a tab / CR) gets a
 * leading apostrophe so spreadsheets do not run it as a formula (OWASP
 * "CSV injection").
 */
export function csvField(value) {
  let s = value == null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per quote, CRLF line ends, UTF-8 with a BOM (spreadsheets then read the curly quotes right). */
export function toCsv(text, ann) {
  const byId = entityIndex(ann);
  const quotes = ann.quotes || [];
  const cps = codePointOffsets(text, quotes.flatMap((q) => [q.start, q.end]));
  const rows = [CSV_COLUMNS.join(",")];
  for (const q of quotes) {
    rows.push(
      [
        q.text ?? text.slice(q.start, q.end),
        q.speaker ? q.speaker.text : "",
        q.speaker ? (speakerName(q, byId) ?? "") : "",
        q.cue ? q.cue.text : "",
        q.kind ?? "",
        typeof q.confidence === "number" ? String(q.confidence) : "",
        q.start,
        q.end,
        cps.get(q.start),
        cps.get(q.end),
      ]
        .map(csvField)
        .join(","),
    );
  }
  return "\uFEFF" + rows.join("\r\n") + "\r\n";
}

// ---- W3C Web Annotation ------------------------------------------------------

/** A random (version 4) UUID URN; crypto.getRandomValues works outside secure contexts too. */
export function uuidUrn() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const CONTEXT_CHARS = 32;

/** Up to `n` code points of text before `start` / after `end` (never half a surrogate pair). */
function prefixOf(text, start, n = CONTEXT_CHARS) {
  return Array.from(text.slice(Math.max(0, start - 2 * n), start)).slice(-n).join("");
}
function suffixOf(text, end, n = CONTEXT_CHARS) {
  return Array.from(text.slice(end, end + 2 * n)).slice(0, n).join("");
}

/**
 * The annotation as a W3C Web Annotation collection (JSON-LD). Every quote
 * and every entity mention becomes an Annotation whose target has a
 * TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector with
 * positions in Unicode code points, which is how the Web Annotation model
 * counts characters (the page's own offsets are UTF-16 units).
 */
export function toWebAnnotation(text, ann, { source = uuidUrn(), label = "Article annotation", generated = new Date() } = {}) {
  const byId = entityIndex(ann);
  const quotes = ann.quotes || [];
  const mentions = [];
  for (const e of ann.entities || []) for (const m of e.mentions || []) mentions.push({ e, m });
  const cps = codePointOffsets(
    text,
    quotes.flatMap((q) => [q.start, q.end]).concat(mentions.flatMap(({ m }) => [m.start, m.end])),
  );
  const target = (span) => ({
    source,
    selector: [
      {
        type: "TextQuoteSelector",
        exact: text.slice(span.start, span.end),
        prefix: prefixOf(text, span.start),
        suffix: suffixOf(text, span.end),
      },
      { type: "TextPositionSelector", start: cps.get(span.start), end: cps.get(span.end) },
    ],
  });
  const creator = { type: "Software", name: "Article annotator (WASM)" };
  const items = [];
  for (const q of quotes) {
    const body = [
      { type: "TextualBody", purpose: "tagging", value: "quote" },
      { type: "TextualBody", purpose: "classifying", value: `quote kind: ${q.kind}` },
    ];
    if (q.speaker) {
      const name = speakerName(q, byId);
      body.push({
        type: "TextualBody",
        purpose: "describing",
        format: "text/plain",
        value: name && name !== q.speaker.text ? `Speaker: ${name} (as written: ${q.speaker.text})` : `Speaker: ${q.speaker.text}`,
      });
    } else {
      body.push({ type: "TextualBody", purpose: "describing", format: "text/plain", value: "Speaker: unknown" });
    }
    if (q.cue) body.push({ type: "TextualBody", purpose: "describing", format: "text/plain", value: `Cue: ${q.cue.text}` });
    items.push({ id: uuidUrn(), type: "Annotation", motivation: "describing", creator, body, target: target(q) });
  }
  for (const { e, m } of mentions) {
    const body = [
      { type: "TextualBody", purpose: "tagging", value: e.type },
      { type: "TextualBody", purpose: "identifying", value: e.name },
    ];
    if (e.geo && e.geo.country) body.push({ type: "TextualBody", purpose: "describing", value: `Country: ${e.geo.country}` });
    items.push({ id: uuidUrn(), type: "Annotation", motivation: "identifying", creator, body, target: target(m) });
  }
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: uuidUrn(),
    type: "AnnotationCollection",
    label,
    generated: generated.toISOString(),
    total: items.length,
    first: { id: uuidUrn(), type: "AnnotationPage", startIndex: 0, items },
  };
}

/**
 * The JSON text of a [`toWebAnnotation`] collection, compact, in pieces to
 * join in a Blob: one piece per annotation. Written as one string, the
 * collection of a text of about 20 MB would pass the longest string a
 * JavaScript engine makes (it is some 20 times the size of the text).
 */
export function webAnnotationParts(doc) {
  const { items, ...page } = doc.first;
  const head = JSON.stringify({ ...doc, first: { ...page, items: [] } });
  const cut = head.lastIndexOf("[]") + 1; // the empty items array, the last one written
  return [head.slice(0, cut), ...items.map((item, i) => (i ? "," : "") + JSON.stringify(item)), head.slice(cut)];
}
