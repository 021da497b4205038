// Side panels built from an annotation: "Who said what" (quotes grouped by
// resolved speaker), "Places" (locations with a world map) and the details of
// one quote. Pure DOM builders: user text only goes through textContent.
//
// The map data (worldmap.js, the biggest script of the page) is passed in by
// the caller, which loads it after the annotator is ready, off the start-up path.
import { entityIndex, speakerName } from "./render.js";

const SVG = "http://www.w3.org/2000/svg";
/** Quotes listed per speaker before a "show all" button. */
export const GROUP_LIMIT = 20;
/** Speakers listed before a "show all speakers" button (a long text can have thousands). */
export const SPEAKER_LIMIT = 40;

function el(doc, tag, props = {}, ...children) {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("data-") || k.startsWith("aria-")) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

let regionNames = null;
const countryNames = new Map();
/** "KR" -> "South Korea" (Intl.DisplayNames), or the code itself. */
export function countryName(code) {
  if (!code) return "";
  let name = countryNames.get(code);
  if (name === undefined) {
    try {
      regionNames ??= new Intl.DisplayNames(["en"], { type: "region" });
      name = regionNames.of(code) || code;
    } catch {
      name = code;
    }
    countryNames.set(code, name);
  }
  return name;
}

/** Quotes grouped by resolved speaker: [{key, name, entity, quotes: [index]}], biggest group first, unknown last. */
export function groupQuotes(ann) {
  const byId = entityIndex(ann);
  const groups = new Map();
  (ann.quotes || []).forEach((q, i) => {
    let key;
    let name;
    let entity = null;
    if (q.speaker && q.speaker.entity != null && byId.has(q.speaker.entity)) {
      entity = q.speaker.entity;
      key = `e${entity}`;
      name = byId.get(entity).name;
    } else if (q.speaker) {
      key = `t${q.speaker.text}`;
      name = q.speaker.text;
    } else {
      key = "none";
      name = null;
    }
    if (!groups.has(key)) groups.set(key, { key, name, entity, quotes: [] });
    groups.get(key).quotes.push(i);
  });
  return [...groups.values()].sort(
    (a, b) => (a.name === null) - (b.name === null) || b.quotes.length - a.quotes.length || String(a.name).localeCompare(String(b.name)),
  );
}

function quoteItem(doc, text, q, i) {
  const li = el(doc, "li", { "data-quote": String(i) });
  const link = el(doc, "a", { class: "quote-link", href: `#quote-${i}`, "data-quote": String(i) });
  link.textContent = String(q.text ?? text.slice(q.start, q.end));
  li.append(link);
  if (q.speaker) {
    li.append(" — ", el(doc, "span", { class: "speaker-text", text: String(q.speaker.text ?? "") }));
  }
  if (q.kind && q.kind !== "direct") li.append(el(doc, "span", { class: "kind", text: ` [${q.kind}]` }));
  return li;
}

function speakerGroup(doc, text, quotes, g) {
  const section = el(doc, "section", { class: "speaker-group", "data-group": g.key });
  if (g.entity != null) section.dataset.entity = String(g.entity);
  const h = el(doc, "h3", { class: "group-heading" });
  h.append(
    el(doc, "span", { class: g.name === null ? "speaker-entity speaker-none" : "speaker-entity", text: g.name ?? "Unknown speaker" }),
    " ",
    el(doc, "span", { class: "count", text: `(${plural(g.quotes.length, "quote")})` }),
  );
  const ol = el(doc, "ol", { class: "quote-list" });
  const shown = g.quotes.slice(0, GROUP_LIMIT);
  for (const i of shown) ol.append(quoteItem(doc, text, quotes[i], i));
  section.append(h, ol);
  if (g.quotes.length > shown.length) {
    const more = el(doc, "button", { type: "button", class: "show-more", text: `Show all ${g.quotes.length} quotes` });
    more.addEventListener("click", () => {
      for (const i of g.quotes.slice(GROUP_LIMIT)) ol.append(quoteItem(doc, text, quotes[i], i));
      more.remove();
    });
    section.append(more);
  }
  return section;
}

/**
 * The "who said what" panel content: the SPEAKER_LIMIT biggest groups, then a
 * button for the others (unknown speakers always come last).
 */
export function renderWhoSaidWhat(text, ann, doc = globalThis.document) {
  const frag = doc.createDocumentFragment();
  const quotes = ann.quotes || [];
  const groups = groupQuotes(ann);
  const limit = groups.length > SPEAKER_LIMIT + 1 ? SPEAKER_LIMIT : groups.length;
  for (const g of groups.slice(0, limit)) frag.append(speakerGroup(doc, text, quotes, g));
  if (groups.length > limit) {
    const rest = groups.slice(limit);
    const more = el(doc, "button", {
      type: "button",
      class: "show-more show-speakers",
      text: `Show ${plural(rest.length, "more speaker")} (${plural(rest.reduce((n, g) => n + g.quotes.length, 0), "quote")})`,
    });
    more.addEventListener("click", () => {
      const f = doc.createDocumentFragment();
      for (const g of rest) f.append(speakerGroup(doc, text, quotes, g));
      more.replaceWith(f);
    });
    frag.append(more);
  }
  return frag;
}

/** Locations with mention counts: [{entity, name, count, country, geo}], most mentioned first. */
export function places(ann) {
  return (ann.entities || [])
    .filter((e) => e && e.type === "location")
    .map((e) => ({ entity: e.id, name: e.name, count: (e.mentions || []).length, country: e.geo?.country || "", geo: e.geo || null }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

function svgEl(doc, tag, attrs = {}) {
  const e = doc.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

/**
 * The world map (`map`: the worldmap.js module) with a dot per place that has
 * coordinates. Pass the map made for an earlier annotation as `reuse` to keep
 * its land and borders (long paths, costly to parse again) and only replace
 * the dots.
 */
export function renderMap(list, doc = globalThis.document, map, reuse = null) {
  const { WIDTH, HEIGHT, LAND, BORDERS, project } = map;
  const located = list.filter((p) => p.geo && project(p.geo.lon, p.geo.lat));
  let svg = reuse;
  let title;
  let dots;
  if (svg) {
    title = svg.querySelector("title");
    dots = svg.querySelector("g.dots");
  } else {
    svg = svgEl(doc, "svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "worldmap", role: "img" });
    title = svgEl(doc, "title");
    dots = svgEl(doc, "g", { class: "dots" });
    svg.append(title, svgEl(doc, "path", { d: LAND, class: "land" }), svgEl(doc, "path", { d: BORDERS, class: "borders" }), dots);
  }
  title.textContent = located.length
    ? `World map with ${plural(located.length, "place")}: ${located.map((p) => p.name).join(", ")}`
    : "World map (no place with coordinates)";
  const circles = doc.createDocumentFragment();
  // Biggest first so small dots stay on top.
  for (const p of [...located].sort((a, b) => b.count - a.count)) {
    const [x, y] = project(p.geo.lon, p.geo.lat);
    const c = svgEl(doc, "circle", {
      cx: x.toFixed(2),
      cy: y.toFixed(2),
      r: (2 + Math.min(4, Math.sqrt(p.count))).toFixed(2),
      class: "dot",
      "data-entity": p.entity,
    });
    const t = svgEl(doc, "title");
    t.textContent = `${p.name}${p.country ? `, ${countryName(p.country)}` : ""}: ${plural(p.count, "mention")}`;
    c.append(t);
    circles.append(c);
  }
  dots.replaceChildren(circles);
  return svg;
}

/** The "Places" list (`map`: the worldmap.js module). */
export function renderPlaces(list, doc = globalThis.document, map) {
  const { project } = map;
  const ul = el(doc, "ul", { class: "place-list" });
  for (const p of list) {
    const li = el(doc, "li", { "data-entity": String(p.entity) });
    const btn = el(doc, "button", { type: "button", class: "place-name linklike", "data-entity": String(p.entity), text: p.name });
    btn.setAttribute("aria-label", `${p.name}: show the first mention in the text`);
    li.append(btn, " ", el(doc, "span", { class: "count", text: `(${p.count})` }));
    const where = [p.country ? countryName(p.country) : "", p.geo?.feature || ""].filter(Boolean);
    if (where.length) li.append(" ", el(doc, "span", { class: "place-country", text: where.join(" · ") }));
    if (!p.geo || !project(p.geo.lon, p.geo.lat)) li.append(" ", el(doc, "span", { class: "no-geo", text: "(not on the map)" }));
    ul.append(li);
  }
  return ul;
}

/** A definition list describing quote `i`. */
export function renderDetails(text, ann, i, doc = globalThis.document) {
  const q = ann.quotes[i];
  const byId = entityIndex(ann);
  const dl = el(doc, "dl", { class: "details-list" });
  const row = (term, value, cls) => {
    dl.append(el(doc, "dt", { text: term }), el(doc, "dd", { text: value, class: cls || "" }));
  };
  row("Quote", String(q.text ?? text.slice(q.start, q.end)), "d-quote");
  row("Speaker as written", q.speaker ? String(q.speaker.text) : "—", "d-written");
  const name = speakerName(q, byId);
  row("Resolved speaker", name ?? (q.speaker ? "not linked to a person or organisation" : "unknown"), "d-resolved");
  row("Cue", q.cue ? String(q.cue.text) : "—", "d-cue");
  row("Kind", String(q.kind ?? "—"), "d-kind");
  // (The confidence is the attribution's: none without a speaker.)
  row("Speaker confidence", q.speaker && typeof q.confidence === "number" ? q.confidence.toFixed(2) : "—", "d-confidence");
  row("Position", `characters ${q.start}–${q.end} (UTF-16)`, "d-position");
  return dl;
}
