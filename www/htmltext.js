// HTML file -> plain text with its paragraphs, for the annotator.
//
// The markup is parsed with DOMParser into an inert document: it has no
// browsing context, so nothing in it runs (scripts, event handlers) and
// nothing is loaded (images, styles, frames). Only text nodes are read; the
// result is a string, never markup.

const SKIP = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "HEAD", "TITLE", "IFRAME", "OBJECT", "EMBED",
  "SVG", "MATH", "CANVAS", "AUDIO", "VIDEO", "SELECT", "BUTTON", "INPUT", "TEXTAREA",
]);

const BLOCK = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BODY", "CAPTION", "DD", "DETAILS", "DIALOG", "DIV", "DL", "DT",
  "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HGROUP",
  "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION", "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH",
  "THEAD", "TR", "UL",
]);

// Attributes carry no article text. Chromium checks the page's CSP against
// inline handlers and styles even in an inert document, and logs a (harmless)
// violation for each, so the attributes are dropped before parsing and <style>
// becomes a text-only <textarea> that the walk skips. A tag this misses is
// still parsed inertly; at worst it costs a console message.
const TAG = /<([a-zA-Z][^\s/>]*)(?:\s+(?:[^\s"'>\/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?|\/))*\s*\/?>/g;

function stripAttributes(html) {
  return html
    .replace(TAG, (_, name) => (/^style$/i.test(name) ? "<textarea>" : `<${name}>`))
    .replace(/<\/style\s*>/gi, "</textarea>");
}

/** Plain text of an HTML string: one paragraph per block element, separated by a blank line. */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(stripAttributes(String(html)), "text/html");
  const root = doc.body || doc.documentElement;
  const paragraphs = [];
  let line = "";
  let pre = 0;

  const flush = () => {
    const t = pre ? line.replace(/^\n+|\n+$/g, "") : line.replace(/ {2,}/g, " ").replace(/ ?\n ?/g, "\n").trim();
    if (t) paragraphs.push(t);
    line = "";
  };

  const walk = (node) => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 3) {
        line += pre ? n.data : n.data.replace(/[\t\n\f\r ]+/g, " ");
        continue;
      }
      if (n.nodeType !== 1) continue;
      const tag = n.tagName.toUpperCase();
      if (SKIP.has(tag) || n.hidden) continue;
      if (tag === "BR") {
        line += "\n";
        continue;
      }
      if (tag === "IMG" || tag === "AREA") {
        continue; // alt text is not article text
      }
      const block = BLOCK.has(tag);
      if (block) flush();
      if (tag === "PRE") pre++;
      walk(n);
      if (tag === "PRE") pre--;
      if (block) flush();
    }
  };
  walk(root);
  flush();
  return paragraphs.join("\n\n");
}
