// Shared helpers for the page tests (browsers, serving, opening the page,
// annotating, reading downloads).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, firefox } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, "../..");
export const SITE_DIR = path.resolve(process.env.SITE_DIR || path.join(repoRoot, "dist"));
export const SEED_PATH = path.resolve(repoRoot, "../shared/data/seed-gold.json");

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Browsers. `prefs` asks for emulated media: Chromium emulates it per
 * context; Firefox ESR over WebDriver BiDi ignores Playwright's emulation, so
 * it gets the equivalent preferences at launch.
 */
export const BROWSERS = {
  chromium: {
    executablePath: "/usr/bin/chromium",
    launch: () => chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS }),
    contextMedia: ({ dark = false, reducedMotion = false } = {}) => ({
      colorScheme: dark ? "dark" : "light",
      reducedMotion: reducedMotion ? "reduce" : "no-preference",
    }),
    realDownloads: true,
  },
  firefox: {
    executablePath: "/usr/bin/firefox-esr",
    // playwright-core 1.64.1 drives stock Firefox over WebDriver BiDi.
    launch: ({ dark = false, reducedMotion = false } = {}) =>
      firefox.launch({
        channel: "moz-firefox",
        executablePath: "/usr/bin/firefox-esr",
        headless: true,
        firefoxUserPrefs: {
          "layout.css.prefers-color-scheme.content-override": dark ? 0 : 1,
          "ui.prefersReducedMotion": reducedMotion ? 1 : 0,
        },
      }),
    contextMedia: () => ({}),
    // Downloads are not delivered over BiDi: read the blob the page hands to its download link.
    realDownloads: false,
  },
};

export const browserNames = (process.env.PAGE_BROWSERS || "chromium,firefox")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);

export function checkSite() {
  assert.ok(
    fs.existsSync(path.join(SITE_DIR, "index.html")) && fs.existsSync(path.join(SITE_DIR, "pkg/annotator_bg.wasm")),
    `${SITE_DIR} has no built site (index.html + pkg/annotator_bg.wasm): run \`make site\` first, or set SITE_DIR`,
  );
}

export function checkBrowser(name) {
  const spec = BROWSERS[name];
  assert.ok(spec, `unknown browser ${name}`);
  assert.ok(fs.existsSync(spec.executablePath), `${spec.executablePath} is missing: install it (scripts/setup.sh) or restrict PAGE_BROWSERS`);
  return spec;
}

// ---- the seed article ---------------------------------------------------------------

/** Code-point offset -> UTF-16 offset in `text`. */
export function utf16Offset(text, cp) {
  return Array.from(text).slice(0, cp).join("").length;
}

export function loadSeed() {
  if (fs.existsSync(SEED_PATH)) {
    const gold = JSON.parse(fs.readFileSync(SEED_PATH, "utf8"));
    const text = gold.text;
    const conv = gold.offsets === "codepoint" ? (n) => utf16Offset(text, n) : (n) => n;
    const quotes = gold.quotes.map((q) => ({ start: conv(q.start), end: conv(q.end), text: q.text }));
    return { text, quotes, source: SEED_PATH };
  }
  const text = fs.readFileSync(path.join(repoRoot, "www/sample.txt"), "utf8");
  const quotes = [
    "“as soon as possible,”",
    "“more robust than ever.”",
    "“I am really pleased for this opportunity. After having a nice meeting, we can enjoy a meal together.”",
  ].map((q) => {
    const start = text.indexOf(q);
    assert.ok(start >= 0, `fallback quote not in www/sample.txt: ${q}`);
    return { start, end: start + q.length, text: q };
  });
  return { text, quotes, source: "www/sample.txt" };
}

// ---- the page ------------------------------------------------------------------------

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * Open the site in a fresh context, recording console errors, page errors,
 * every request and failed ones. Service workers are blocked unless
 * `serviceWorkers: "allow"` (so page.route and request counts stay exact).
 */
export async function openPage(browser, baseUrl, { waitReady = true, context: ctxOpts = {}, init } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block", ...ctxOpts });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const consoleErrors = [];
  const pageErrors = [];
  const external = [];
  const failed = [];
  const requests = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => pageErrors.push(String(err && err.stack ? err.stack : err)));
  page.on("request", (req) => {
    const u = new URL(req.url());
    if (["data:", "blob:", "about:"].includes(u.protocol)) return;
    requests.push(req.url());
    if (!LOCAL_HOSTS.has(u.hostname)) external.push(req.url());
  });
  page.on("requestfailed", (req) => failed.push(req.url()));
  page.on("response", (res) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
  });
  await page.goto(baseUrl);
  if (waitReady) await waitIdle(page);
  return { page, context, consoleErrors, pageErrors, external, failed, requests };
}

/** Wait until the app has finished loading (and any start-up annotation). */
export async function waitIdle(page) {
  await page.waitForFunction(() => ["ready", "done", "error"].includes(document.documentElement.dataset.state), null, {
    timeout: 30_000,
  });
}

export async function runs(page) {
  return page.evaluate(() => Number(document.documentElement.dataset.runs || 0));
}

export async function waitRuns(page, before, timeout = 30_000) {
  await page.waitForFunction((n) => Number(document.documentElement.dataset.runs || 0) > n, before, { timeout });
}

/** Replace the textarea content with `text` and annotate via the button (or Ctrl+Enter). */
export async function annotate(page, text, { via = "button" } = {}) {
  const before = await runs(page);
  await page.evaluate((t) => {
    document.getElementById("live").checked = false; // no debounced run racing the button
  }, text);
  await page.fill("#article", text);
  if (via === "keyboard") {
    await page.focus("#article");
    await page.keyboard.press("Control+Enter");
  } else {
    await page.click("#annotate");
  }
  await waitRuns(page, before);
  await page.evaluate(() => {
    document.getElementById("live").checked = true;
  });
}

export function assertClean(s, what = "page") {
  assert.deepEqual(s.pageErrors, [], `${what}: uncaught page errors`);
  assert.deepEqual(s.consoleErrors, [], `${what}: console errors`);
  assert.deepEqual(s.external, [], `${what}: requests to non-localhost origins`);
  assert.deepEqual(s.failed, [], `${what}: failed requests`);
}

/** The annotation JSON of `text` computed in the page by the WASM module directly. */
export async function referenceAnnotation(page, text) {
  return page.evaluate(async (t) => {
    const mod = await import("./pkg/annotator.js");
    await mod.default();
    return mod.annotateJson(t, { offsets: "utf16" });
  }, text);
}

/** Dispatch a file drop of `files` ([{name, type, content}]) on the text box, built in the page. */
export async function dropFiles(page, files, selector = "#article") {
  await page.evaluate(
    ({ files, selector }) => {
      const dt = new DataTransfer();
      for (const f of files) {
        const body = f.bigZeros ? new Uint8Array(f.bigZeros) : f.content;
        dt.items.add(new File([body], f.name, { type: f.type || "" }));
      }
      const target = document.querySelector(selector);
      for (const type of ["dragenter", "dragover", "drop"]) {
        target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    },
    { files, selector },
  );
}

/** Init script (Firefox): remember what the page offers for download. */
export function captureDownloadsInit() {
  window.__downloads = [];
  const blobs = new Map();
  const create = URL.createObjectURL;
  URL.createObjectURL = function (obj) {
    const url = create.call(URL, obj);
    blobs.set(url, obj);
    return url;
  };
  window.__blobOf = (url) => blobs.get(url);
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (this.download) window.__downloads.push({ name: this.download, href: this.href });
    return click.call(this);
  };
}

/**
 * Click `selector` and return the downloaded file {name, text}: the real
 * download in Chromium; in Firefox the blob the page's download link points to.
 */
export async function download(spec, page, selector) {
  if (spec.realDownloads) {
    const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 10_000 }), page.click(selector)]);
    const file = await dl.path();
    return { name: dl.suggestedFilename(), text: fs.readFileSync(file, "utf8") };
  }
  const n = await page.evaluate(() => window.__downloads.length);
  await page.click(selector);
  await page.waitForFunction((k) => window.__downloads.length > k, n);
  return page.evaluate(async (k) => {
    const d = window.__downloads[k];
    const bytes = new Uint8Array(await window.__blobOf(d.href).arrayBuffer());
    return { name: d.name, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
  }, n);
}
