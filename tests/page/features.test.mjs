// Page features of issue 6, in Chromium and Firefox ESR: the analysis worker
// (large input, limit, failures), live annotation, files, linking, details,
// keyboard, panels and map, exports, privacy, offline, accessibility.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadSeed, waitIdle, runs, waitRuns, annotate, referenceAnnotation, dropFiles, captureDownloadsInit, download } from "./helpers.mjs";
import { serveSite, withOwnSite, forEachBrowser, withPage, withBarePage, pageState as state } from "./harness.mjs";
import { INLINE_MAX_CHARS } from "../../www/engine.js";
import { toWebAnnotation, webAnnotationParts } from "../../www/export.js";

const seed = loadSeed();
// An emoji before the article: UTF-16 offsets and code point offsets then differ.
const EMOJI_TEXT = `🙂🙂 Breaking.\n\n${seed.text}`;
// `t` made long enough for the worker (short texts are annotated on the page's own thread).
const forWorker = (t) => `${t}\n\n${"Filler for the worker, said nobody. ".repeat(600)}`;

// The JSON-LD export is written in pieces (one per annotation), so that a
// long text's collection never has to be one string: joined, they are the
// collection's JSON.
test("the Web Annotation export's pieces join to its JSON", () => {
  const text = "“We will win,” said Mike Pompeo in Seoul. 🙂 “Yes,” Kim said.";
  const span = (s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
  const anns = [
    { quotes: [], entities: [] },
    { quotes: [{ ...span("“Yes,”"), kind: "direct", speaker: null, cue: null }], entities: [] },
    {
      quotes: [{ ...span("“We will win,”"), kind: "direct", speaker: { ...span("Mike Pompeo"), entity: 0 }, cue: span("said") }],
      entities: [
        { id: 0, type: "person", name: "Mike Pompeo", mentions: [span("Mike Pompeo")] },
        { id: 1, type: "location", name: "Seoul", mentions: [span("Seoul")], geo: { country: "KR", lat: 37.57, lon: 126.98, feature: "city" } },
      ],
    },
  ];
  for (const ann of anns) {
    const doc = toWebAnnotation(text, ann, { source: "urn:x", generated: new Date(0) });
    const parts = webAnnotationParts(doc);
    assert.equal(parts.length, doc.first.items.length + 2);
    assert.equal(parts.join(""), JSON.stringify(doc));
  }
});

const site = serveSite();

/** openPage options for a test that downloads: real downloads in Chromium, the page's blobs captured in Firefox. */
const downloading = (spec, context = {}) => ({
  context: { ...context, acceptDownloads: true },
  init: spec.realDownloads ? undefined : captureDownloadsInit,
});

/** Minimal RFC 4180 parser. */
function parseCsv(s) {
  const rows = [];
  let row = [];
  let f = "";
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"' && s[i + 1] === '"') (f += '"'), i++;
      else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ",") row.push(f), (f = "");
    else if (c === "\r" && s[i + 1] === "\n") row.push(f), rows.push(row), (row = []), (f = ""), i++;
    else f += c;
  }
  if (f || row.length) row.push(f), rows.push(row);
  return rows;
}

/**
 * Every visible text element's contrast against its composited background:
 * {bad, checked, dark, reduce, bg, scroll} (media matches and root styles too).
 */
function contrastReport(page) {
  return page.evaluate(() => {
    const parse = (c) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const p = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
    };
    const over = (top, bottom) => ({
      r: top.r * top.a + bottom.r * (1 - top.a),
      g: top.g * top.a + bottom.g * (1 - top.a),
      b: top.b * top.a + bottom.b * (1 - top.a),
      a: 1,
    });
    const bgOf = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a > 0) {
          layers.push(c);
          if (c.a === 1) break;
        }
      }
      let bg = { r: 255, g: 255, b: 255, a: 1 };
      for (const l of layers.reverse()) bg = over(l, bg);
      return bg;
    };
    const lum = ({ r, g, b }) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a, b) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    const bad = [];
    let checked = 0;
    for (const el of document.querySelectorAll("body *")) {
      if (el.closest("[hidden], .visually-hidden, svg") || el.disabled) continue;
      if (![...el.childNodes].some((n) => n.nodeType === 3 && n.data.trim())) continue;
      const rect = el.getBoundingClientRect();
      if (!rect.width || !rect.height) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === "hidden" || parseFloat(cs.opacity) === 0) continue;
      const fg = parse(cs.color);
      const bg = bgOf(el);
      const rr = ratio(over(fg, bg), bg);
      checked++;
      if (rr < 4.5) bad.push(`${el.tagName}.${el.className} “${el.textContent.trim().slice(0, 30)}” ${rr.toFixed(2)}`);
    }
    return { bad, checked, dark: matchMedia("(prefers-color-scheme: dark)").matches, reduce: matchMedia("(prefers-reduced-motion: reduce)").matches, bg: getComputedStyle(document.documentElement).backgroundColor, scroll: getComputedStyle(document.documentElement).scrollBehavior };
  });
}

forEachBrowser("features", { timeout: 240_000 }, (ctx) => {
  test("a 5 MB paste is analysed in a worker: busy state, page responsive, then fully rendered", () =>
    withPage(ctx.browser, site.url, async (page) => {
      const before = await runs(page);
      const r = await page.evaluate(async () => {
        const ta = document.getElementById("article");
        const base = ta.value;
        const big = (base + "\n\n").repeat(Math.ceil(5e6 / base.length)).slice(0, 5_000_000);
        ta.value = big;
        // Let the browser lay out the big text box first (not the annotator's work).
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        await new Promise((r) => setTimeout(r, 50));
        const root = document.documentElement;
        let last = performance.now();
        let maxGap = 0;
        let analysing = 0;
        let sawBusy = null;
        const iv = setInterval(() => {
          const now = performance.now();
          if (root.dataset.phase === "analysing") {
            maxGap = Math.max(maxGap, now - last);
            analysing += now - last;
            if (!sawBusy)
              sawBusy = {
                state: root.dataset.state,
                ariaBusy: document.getElementById("annotated").getAttribute("aria-busy"),
                status: document.getElementById("status").textContent,
              };
          }
          last = now;
        }, 10);
        ta.dispatchEvent(new Event("input", { bubbles: true })); // as a paste does: live annotation
        const runs0 = Number(root.dataset.runs);
        while (Number(root.dataset.runs) === runs0) await new Promise((r) => setTimeout(r, 25));
        clearInterval(iv);
        return {
          maxGap,
          analysing,
          sawBusy,
          state: root.dataset.state,
          same: document.getElementById("annotated").textContent === big,
          quotes: document.querySelectorAll("#annotated mark[data-layer=quote][id]").length,
        };
      });
      assert.ok(await runs(page) > before);
      assert.equal(r.state, "done", await page.textContent("#error"));
      assert.ok(r.sawBusy, "never saw the analysing phase");
      assert.equal(r.sawBusy.state, "busy");
      assert.equal(r.sawBusy.ariaBusy, "true");
      assert.match(r.sawBusy.status, /Annotating 4\.8 MB/);
      assert.ok(r.analysing > 150, `analysis too short to measure (${r.analysing} ms)`);
      // On the main thread the analysis alone blocks for its whole duration.
      assert.ok(r.maxGap < 500, `main thread blocked ${Math.round(r.maxGap)} ms while analysing (${Math.round(r.analysing)} ms)`);
      assert.ok(r.same, "rendered text differs from the input");
      assert.ok(r.quotes > 10_000, `only ${r.quotes} quotes rendered`);
    }),
  );

  test("a 5 MB result is shown progressively: a click is handled while the text is still being rendered", (t) =>
    withPage(ctx.browser, site.url, async (page) => {
      const toggle = '#legend-items input[data-layer="person"]';
      await page.evaluate((toggle) => {
        document.getElementById("live").checked = false;
        const ta = document.getElementById("article");
        const base = ta.value;
        ta.value = (base + "\n\n").repeat(Math.ceil(5e6 / base.length)).slice(0, 5_000_000);
        const root = document.documentElement;
        const seen = (window.__seen = { clicks: [], longTasks: [] });
        document.querySelector(toggle).addEventListener("change", () => {
          seen.clicks.push({ state: root.dataset.state, phase: root.dataset.phase ?? null, chunks: document.querySelectorAll("#annotated > .chunk").length });
        });
        // Long tasks (Chromium only) while the result is parsed and rendered: reported, not asserted.
        if (PerformanceObserver.supportedEntryTypes?.includes("longtask")) {
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) if (root.dataset.phase === "rendering" || root.dataset.state === "done") seen.longTasks.push(Math.round(e.duration));
          }).observe({ type: "longtask" });
        }
      }, toggle);
      const before = await runs(page);
      await page.click("#annotate");
      // The first parts of the new text are on screen while the rest is still being rendered…
      await page.waitForFunction(
        () => document.documentElement.dataset.phase === "rendering" && document.querySelectorAll("#annotated > .chunk").length > 1,
        null,
        { timeout: 120_000 },
      );
      // …and a click meanwhile is handled at once, not after the rendering.
      await page.click(toggle);
      await waitRuns(page, before, 120_000);
      const r = await page.evaluate(() => ({
        seen: window.__seen,
        state: document.documentElement.dataset.state,
        chunks: document.querySelectorAll("#annotated > .chunk").length,
        hidden: document.getElementById("annotated").classList.contains("hide-person"),
        same: document.getElementById("annotated").textContent === document.getElementById("article").value,
      }));
      t.diagnostic(`${ctx.name}: click handled at chunk ${r.seen.clicks[0]?.chunks} of ${r.chunks}; long tasks while rendering (ms): ${JSON.stringify(r.seen.longTasks)}`);
      assert.equal(r.state, "done");
      assert.equal(r.seen.clicks.length, 1, "the click on the layer toggle was not handled");
      assert.deepEqual({ state: r.seen.clicks[0].state, phase: r.seen.clicks[0].phase }, { state: "busy", phase: "rendering" }, "the click waited for the rendering to finish");
      assert.ok(r.seen.clicks[0].chunks > 1 && r.seen.clicks[0].chunks < r.chunks, `click handled at chunk ${r.seen.clicks[0].chunks} of ${r.chunks}`);
      assert.ok(r.hidden, "the layer toggle did not take effect");
      assert.ok(r.same, "rendered text differs from the input");
    }),
  );

  test("input above 50 MB is refused (paste and file) with a clear message; the next input works", () =>
    withPage(ctx.browser, site.url, async (page) => {
      let before = await runs(page);
      const pasted = await page.evaluate(() => {
        const ta = document.getElementById("article");
        ta.value = "";
        const dt = new DataTransfer();
        dt.setData("text/plain", "a".repeat(51 * 1024 * 1024));
        const ev = new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true });
        // Firefox ignores clipboardData in the ClipboardEvent constructor: no synthetic paste there.
        if (!ev.clipboardData || !ev.clipboardData.getData("text/plain")) return { supported: false };
        ta.dispatchEvent(ev);
        return { supported: true, prevented: ev.defaultPrevented, value: ta.value.length };
      });
      if (pasted.supported) {
        await waitRuns(page, before);
        assert.equal(pasted.prevented, true, "an oversized paste was let through");
        assert.match(await page.textContent("#error"), /51\.0 MB, above the limit of 50\.0 MB/);
        assert.equal(await page.isVisible("#error"), true);
      } else {
        assert.equal(ctx.name, "firefox", "synthetic paste unsupported outside Firefox");
      }

      before = await runs(page);
      await dropFiles(page, [{ name: "huge.txt", type: "text/plain", bigZeros: 50 * 1024 * 1024 + 1 }]);
      await waitRuns(page, before);
      assert.match(await page.textContent("#error"), /huge\.txt.*50\.0 MB.*limit of 50\.0 MB.*not opened/);
      assert.equal(await page.inputValue("#article"), "", "the refused file was loaded anyway");

      await annotate(page, "“Still working,” said Mike Pompeo.");
      assert.equal(await state(page), "done");
      assert.equal(await page.isHidden("#error"), true);
      assert.equal(await page.textContent("#annotated mark[data-layer=quote]"), "“Still working,”");
    }),
  );

  test("a crashed or hung analysis shows a message, and a fresh worker annotates the next input; short texts skip the worker", () =>
    withPage(ctx.browser, site.url, { waitReady: false, clean: false }, async (page, s) => {
      let workerLoads = 0;
      // The real worker, with two test triggers in front of it.
      await page.route("**/worker.js", async (route) => {
        workerLoads++;
        const res = await route.fetch();
        const body =
          `self.addEventListener("message", (e) => {
            const t = e.data && e.data.type === "annotate" ? e.data.text : "";
            if (t.includes("CRASH-TRIGGER")) { e.stopImmediatePropagation(); throw new Error("simulated crash"); }
            if (t.includes("HANG-TRIGGER")) { e.stopImmediatePropagation(); }
          });\n` + (await res.text());
        await route.fulfill({ response: res, body });
      });
      await page.reload();
      await waitIdle(page);
      const loads0 = workerLoads;
      assert.ok(loads0 >= 1);
      // Short texts are annotated on the page's own thread once its instance
      // is ready: the triggers go into texts long enough for the worker.
      await page.waitForFunction(() => performance.getEntriesByName("annotator:inline-ready").length > 0);
      assert.ok(forWorker("").length > INLINE_MAX_CHARS);

      await annotate(page, forWorker("CRASH-TRIGGER “one,” she said."));
      assert.equal(await state(page), "error");
      assert.match(await page.textContent("#error"), /analysis failed.*simulated crash.*restarted/s);
      await annotate(page, "“Back again,” said Mike Pompeo.");
      assert.equal(await state(page), "done");
      assert.equal(await page.isHidden("#error"), true);
      assert.equal(await page.textContent("#annotated mark[data-layer=quote]"), "“Back again,”");
      assert.ok(workerLoads > loads0, "no fresh worker after the crash");

      // A hung analysis: the Cancel button appears and stops it.
      const before = await runs(page);
      await page.fill("#article", forWorker("HANG-TRIGGER “stuck,” he said."));
      await page.click("#annotate");
      await page.waitForSelector("#cancel:not([hidden])", { timeout: 5000 });
      assert.equal(await state(page), "busy");
      await page.click("#cancel");
      await waitRuns(page, before);
      assert.match(await page.textContent("#status"), /Cancelled/);
      await annotate(page, "“After the cancel,” said Mike Pompeo.");
      assert.equal(await state(page), "done");
      assert.equal(await page.textContent("#annotated mark[data-layer=quote]"), "“After the cancel,”");
      // A short text never reaches the worker (which would hang on it).
      await annotate(page, "HANG-TRIGGER “Not stuck,” he said.");
      assert.equal(await state(page), "done");
      assert.equal(await page.textContent("#annotated mark[data-layer=quote]"), "“Not stuck,”");
      // Clear stops a hung analysis too, and the status says it cleared.
      const before2 = await runs(page);
      await page.fill("#article", forWorker("HANG-TRIGGER “stuck again,” he said."));
      await page.click("#annotate");
      await page.waitForSelector("#cancel:not([hidden])", { timeout: 5000 });
      await page.click("#clear");
      await waitRuns(page, before2);
      assert.equal(await page.textContent("#status"), "Cleared.");
      assert.equal(await state(page), "ready");
      assert.deepEqual(s.pageErrors, []);
    }),
  );

  test("ready before the worker: a short text is annotated at once, a long one waits for the worker (state and status say so), then is shown", () =>
    withPage(ctx.browser, site.url, { waitReady: false }, async (page) => {
      // The first load's late requests (render.js, the world map) finish
      // before the reload, which would otherwise abort them (seen in Firefox).
      await page.waitForLoadState("networkidle");
      // The worker's script is held back until the test lets it through.
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route("**/worker.js", async (route) => {
        await held;
        await route.continue();
      });
      // Not until "load": Firefox holds the load event for the worker's script.
      await page.reload({ waitUntil: "domcontentloaded" });
      await waitIdle(page);
      const workerReady = () => page.evaluate(() => performance.getEntriesByName("annotator:worker-ready").length > 0);
      // The sample, and any short text, need only the page's own instance.
      assert.equal(await state(page), "done", await page.textContent("#error"));
      assert.ok((await page.locator("#annotated mark[data-layer=quote]").count()) > 0);
      await annotate(page, "“Before the worker,” said Mike Pompeo.");
      assert.equal(await state(page), "done");
      assert.equal(await page.textContent("#annotated mark[data-layer=quote]"), "“Before the worker,”");
      assert.equal(await workerReady(), false, "the worker started although its script was held back");

      // A long text waits for the worker, busy, and says why.
      const text = forWorker("“Long wait,” she said.");
      assert.ok(text.length > INLINE_MAX_CHARS);
      const before = await runs(page);
      await page.evaluate(() => (document.getElementById("live").checked = false));
      await page.fill("#article", text);
      await page.click("#annotate");
      await page.waitForFunction(() => /worker is still starting/.test(document.getElementById("status").textContent));
      assert.deepEqual(await page.evaluate(() => [document.documentElement.dataset.state, document.documentElement.dataset.phase]), ["busy", "starting"]);
      assert.equal(await page.getAttribute("#annotated", "aria-busy"), "true");

      release();
      await waitRuns(page, before);
      assert.equal(await state(page), "done", await page.textContent("#error"));
      assert.equal(await workerReady(), true);
      assert.equal(await page.textContent("#annotated"), text);
      assert.equal(await page.textContent("#annotated mark[data-layer=quote]"), "“Long wait,”");
      assert.match(await page.textContent("#status"), /^Found 1 quote/);
    }),
  );

  test("the first worker warms the module up and says so; a long text sent as soon as it starts is annotated as usual", () =>
    withPage(ctx.browser, site.url, { waitReady: false }, async (page) => {
      await page.waitForFunction(() => performance.getEntriesByName("annotator:worker-ready").length > 0);
      // Sent to the worker as soon as it is ready (most often during its
      // warm-up, which takes some 200 ms; the test does not depend on it).
      const text = forWorker("“Between warm-ups,” she said.");
      await waitIdle(page);
      const before = await runs(page);
      await page.evaluate(() => (document.getElementById("live").checked = false));
      await page.fill("#article", text);
      await page.click("#annotate");
      await waitRuns(page, before);
      assert.equal(await state(page), "done", await page.textContent("#error"));
      assert.equal(await page.textContent("#annotated"), text);
      assert.equal(await page.textContent("#annotated mark[data-layer=quote]"), "“Between warm-ups,”");
      // The warm-up runs to its end (the worker posts "warmed").
      await page.waitForFunction(() => performance.getEntriesByName("annotator:warmed").length > 0);
    }),
  );

  test("typing annotates live (debounced); the toggle turns it off", () =>
    withPage(ctx.browser, site.url, async (page) => {
      await page.click("#clear");
      const before = await runs(page);
      await page.focus("#article");
      const typed = "“Hello there,” said Mike Pompeo in Seoul.";
      await page.keyboard.type(typed);
      await waitRuns(page, before);
      await page.waitForTimeout(500);
      const n = (await runs(page)) - before;
      assert.ok(n >= 1 && n <= 3, `${n} runs for ${typed.length} keystrokes: not debounced`);
      assert.equal(await page.textContent("#annotated"), typed);
      assert.equal(await page.textContent("#annotated mark[data-layer=quote]"), "“Hello there,”");

      await page.uncheck("#live");
      const r0 = await runs(page);
      await page.focus("#article");
      await page.keyboard.press("End");
      await page.keyboard.type(" More.");
      await page.waitForTimeout(800);
      assert.equal(await runs(page), r0, "annotated while live annotation was off");
      assert.match(await page.textContent("#status"), /changed: press Annotate/);
    }),
  );

  test("opening and dropping .txt and .html files: HTML reduced to text, nothing run or loaded", () =>
    withPage(ctx.browser, site.url, { init: () => { window.__ran = []; window.pwn = (x) => window.__ran.push(x); } }, async (page) => {
      // Pick a .txt file.
      let before = await runs(page);
      await page.setInputFiles("#file", { name: "note.txt", mimeType: "text/plain", buffer: Buffer.from("“From a file,” said Mike Pompeo.\n\nIn Seoul.") });
      await waitRuns(page, before);
      assert.equal(await page.inputValue("#article"), "“From a file,” said Mike Pompeo.\n\nIn Seoul.");
      assert.equal(await page.textContent("#annotated mark[data-layer=quote]"), "“From a file,”");
      assert.match(await page.textContent("#status"), /Found 1 quote/);

      // Drop an .html file.
      const html = `<!doctype html><html><head><title>Title</title><style>p{color:red}</style>
        <script>pwn("script")</script><link rel="stylesheet" href="/dropped.css"></head>
        <body onload="pwn('onload')"><h1>Headline  here</h1>
        <p>“Hi,” said <b>Mike   Pompeo</b>.</p><p>Second <i>para</i><br>in Seoul.</p>
        <img src="/dropped.png" onerror="pwn('img')"><iframe src="/dropped.html"></iframe>
        <ul><li>One</li><li>Two &amp; three</li></ul><script>pwn("late")</script></body></html>`;
      before = await runs(page);
      await dropFiles(page, [{ name: "story.html", type: "text/html", content: html }]);
      await waitRuns(page, before);
      await page.waitForTimeout(300);
      assert.equal(
        await page.inputValue("#article"),
        "Headline here\n\n“Hi,” said Mike Pompeo.\n\nSecond para\nin Seoul.\n\nOne\n\nTwo & three",
      );
      assert.equal(await page.textContent("#annotated mark[data-layer=quote]"), "“Hi,”");
      assert.deepEqual(await page.evaluate(() => window.__ran), []);
      assert.ok(!site.requests.some((r) => r.startsWith("/dropped")), `the dropped HTML loaded a resource: ${site.requests}`);
      assert.match(await page.textContent("#status"), /HTML reduced to its text|Found/);

      // Another type is refused with a message.
      before = await runs(page);
      await dropFiles(page, [{ name: "paper.pdf", type: "application/pdf", content: "%PDF-1.4" }]);
      await waitRuns(page, before);
      assert.match(await page.textContent("#error"), /paper\.pdf.*not a \.txt or \.html file/);
    }),
  );

  test("a .txt file with Windows line endings: the offsets point into the file as opened, until the text is edited", () =>
    withPage(ctx.browser, site.url, downloading(ctx.spec), async (page) => {
      const file = "“We will win,” said John Smith in London.\r\n\r\n“Maybe,” said Jane Doe in Paris.\r\n";
      const before = await runs(page);
      await page.setInputFiles("#file", { name: "crlf.txt", mimeType: "text/plain", buffer: Buffer.from(file) });
      await waitRuns(page, before);
      let ann = JSON.parse((await download(ctx.spec, page, "#export-json")).text);
      assert.equal(ann.length, file.length);
      assert.deepEqual(ann.quotes.map((q) => file.slice(q.start, q.end)), ["“We will win,”", "“Maybe,”"]);
      assert.deepEqual(ann.quotes.map((q) => q.text), ["“We will win,”", "“Maybe,”"]);
      // Edited, the text box's own text (LF line endings) is annotated.
      const edited = file.replace(/\r\n/g, "\n") + "Then.";
      await annotate(page, edited);
      ann = JSON.parse((await download(ctx.spec, page, "#export-json")).text);
      assert.equal(ann.length, edited.length);
      assert.deepEqual(ann.quotes.map((q) => edited.slice(q.start, q.end)), ["“We will win,”", "“Maybe,”"]);
    }),
  );

  test("hover and focus link quotes and speakers; a click shows the quote details", () =>
    withPage(ctx.browser, site.url, async (page) => {
      const ann = JSON.parse(await referenceAnnotation(page, seed.text));
      const qi = ann.quotes.findIndex((q) => q.speaker && q.speaker.text === "Pompeo" && q.cue);
      assert.ok(qi >= 0, "the seed has no quote by “Pompeo” with a cue");
      const q = ann.quotes[qi];
      const name = ann.entities.find((e) => e.id === q.speaker.entity).name;
      const linked = () =>
        page.evaluate(() => [...document.querySelectorAll("#annotated .linked")].map((m) => `${m.dataset.layer}:${m.textContent}`));

      await page.hover(`#quote-${qi}`);
      let l = await linked();
      assert.ok(l.includes(`speaker:${q.speaker.text}`), `speaker not linked on quote hover: ${l}`);
      assert.ok(l.includes(`cue:${q.cue.text}`), `cue not linked on quote hover: ${l}`);

      await page.hover(`#annotated mark[data-speaker-of="${qi}"]`);
      l = await linked();
      assert.ok(l.some((x) => x.startsWith("quote:")), `quote not linked on speaker hover: ${l}`);

      await page.click(`#quote-${qi}`);
      assert.equal(await page.isVisible("#details"), true);
      const d = await page.evaluate(() =>
        Object.fromEntries([...document.querySelectorAll("#details dd")].map((dd) => [dd.className, dd.textContent])),
      );
      assert.equal(d["d-quote"], q.text);
      assert.equal(d["d-written"], q.speaker.text);
      assert.equal(d["d-resolved"], name);
      assert.equal(d["d-cue"], q.cue.text);
      assert.equal(d["d-kind"], q.kind);
      assert.equal(d["d-confidence"], q.confidence.toFixed(2));
      assert.equal(name, "Mike Pompeo");

      // Focus (keyboard) links too.
      await page.mouse.move(0, 0);
      await page.focus(`#quote-${qi}`);
      l = await linked();
      assert.ok(l.includes(`speaker:${q.speaker.text}`), `speaker not linked on focus: ${l}`);
    }),
  );

  test("keyboard: j / k / End / Escape move between quotes with a visible focus", () =>
    withPage(ctx.browser, site.url, async (page) => {
      const n = await page.locator("#annotated mark[data-layer=quote][id]").count();
      assert.ok(n >= 3);
      const active = () => page.evaluate(() => document.activeElement.id);
      await page.focus("#annotated");
      await page.keyboard.press("j");
      assert.equal(await active(), "quote-0");
      await page.keyboard.press("j");
      assert.equal(await active(), "quote-1");
      assert.equal(await page.getAttribute("#details", "data-quote"), "1");
      await page.keyboard.press("ArrowDown");
      assert.equal(await active(), "quote-2");
      await page.keyboard.press("k");
      assert.equal(await active(), "quote-1");
      await page.keyboard.press("End");
      assert.equal(await active(), `quote-${n - 1}`);
      const outline = await page.evaluate(() => {
        const cs = getComputedStyle(document.activeElement);
        return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
      });
      assert.notEqual(outline.style, "none", "focused quote has no outline");
      assert.ok(outline.width >= 2, `focus outline ${outline.width}px`);
      assert.ok(await page.isVisible(`#quote-${n - 1}`));
      await page.keyboard.press("Escape");
      assert.equal(await page.isHidden("#details"), true);
      // With the quote layer unticked, the keys move to no hidden quote.
      await page.uncheck("#legend-items input[data-layer=quote]");
      await page.focus("#annotated");
      await page.keyboard.press("Home");
      assert.equal(await active(), "annotated");
      assert.equal(await page.isHidden("#details"), true);
      await page.check("#legend-items input[data-layer=quote]");
      // The keys are documented on the page.
      assert.match(await page.textContent("#nav-hint"), /j.*k/);
      // Tab reaches the controls with a visible focus ring.
      await page.focus("#article");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement.id), "annotate");
      const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(ring, "none");
    }),
  );

  test("who said what groups quotes by resolved speaker with counts; a click scrolls to the quote", () =>
    withPage(ctx.browser, site.url, async (page) => {
      const ann = JSON.parse(await referenceAnnotation(page, seed.text));
      const byId = new Map(ann.entities.map((e) => [e.id, e]));
      const expected = new Map();
      for (const q of ann.quotes) {
        const key = q.speaker ? (q.speaker.entity != null ? byId.get(q.speaker.entity).name : q.speaker.text) : "Unknown speaker";
        expected.set(key, (expected.get(key) || 0) + 1);
      }
      const groups = await page.evaluate(() =>
        [...document.querySelectorAll("#quotes .speaker-group")].map((g) => ({
          name: g.querySelector(".speaker-entity").textContent,
          count: g.querySelector(".count").textContent,
          items: g.querySelectorAll("li").length,
        })),
      );
      assert.equal(groups.length, expected.size, JSON.stringify(groups));
      for (const g of groups) {
        const n = expected.get(g.name);
        assert.ok(n, `unexpected group ${g.name}`);
        assert.equal(g.count, `(${n} quote${n === 1 ? "" : "s"})`);
        assert.equal(g.items, n);
      }
      // Biggest group first, unknown speakers last.
      const counts = groups.filter((g) => g.name !== "Unknown speaker").map((g) => g.items);
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a));

      // The legend counts the layers.
      assert.equal(await page.textContent('.legend-count[data-layer="quote"]'), String(ann.quotes.length));

      const last = ann.quotes.length - 1;
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.click(`#quotes a[data-quote="${last}"]`);
      await page.waitForFunction((id) => document.activeElement.id === id, `quote-${last}`);
      await page.waitForFunction((id) => {
        const r = document.getElementById(id).getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }, `quote-${last}`);
      assert.equal(await page.getAttribute("#details", "data-quote"), String(last));
    }),
  );

  test("places: counts, countries, and a static world map with a dot per place; GeoNames credited (CC BY)", () =>
    withPage(ctx.browser, site.url, async (page) => {
      const credit = await page.evaluate(() => {
        const a = document.querySelector("footer a[href='https://www.geonames.org/']");
        return a ? a.parentElement.textContent : "";
      });
      assert.match(credit, /GeoNames, CC BY 4\.0/, "the page does not credit GeoNames");
      const ann = JSON.parse(await referenceAnnotation(page, seed.text));
      const locs = ann.entities.filter((e) => e.type === "location");
      const items = await page.evaluate(() =>
        [...document.querySelectorAll("#places li")].map((li) => ({
          id: li.dataset.entity,
          name: li.querySelector(".place-name").textContent,
          count: li.querySelector(".count").textContent,
          country: li.querySelector(".place-country")?.textContent ?? "",
        })),
      );
      assert.equal(items.length, locs.length);
      for (const e of locs) {
        const it = items.find((x) => x.id === String(e.id));
        assert.ok(it, `place ${e.name} missing`);
        assert.equal(it.name, e.name);
        assert.equal(it.count, `(${e.mentions.length})`);
      }
      assert.match(items.find((x) => x.name === "Seoul").country, /^South Korea/);
      const dots = await page.evaluate(() =>
        [...document.querySelectorAll("#map svg circle.dot")].map((c) => ({ id: c.dataset.entity, cx: +c.getAttribute("cx"), cy: +c.getAttribute("cy"), title: c.textContent })),
      );
      const withGeo = locs.filter((e) => e.geo && e.geo.lat <= 84 && e.geo.lat >= -60);
      assert.equal(dots.length, withGeo.length);
      const seoul = locs.find((e) => e.name === "Seoul");
      const dot = dots.find((d) => d.id === String(seoul.id));
      assert.ok(Math.abs(dot.cx - (seoul.geo.lon + 180)) < 0.01 && Math.abs(dot.cy - (84 - seoul.geo.lat)) < 0.01, JSON.stringify(dot));
      assert.match(dot.title, /Seoul, South Korea/);
      // The map is drawn from data in the page (land path), fetched from
      // nowhere: every continent's coast, in whole degrees (about 6,000
      // characters; a stub or an empty path would be a few dozen).
      const land = await page.evaluate(() => document.querySelector("#map path.land").getAttribute("d").length);
      assert.ok(land > 4_000, `land path of ${land} characters`);
      // Hovering a place highlights its dot; its button scrolls to a mention.
      await page.hover(`#places li[data-entity="${seoul.id}"]`);
      assert.equal(await page.locator(`#map circle.hl[data-entity="${seoul.id}"]`).count(), 1);
      await page.click(`#places button[data-entity="${seoul.id}"]`);
      assert.equal(await page.evaluate(() => document.activeElement.textContent), "Seoul");
    }),
  );

  test("exports: annotation JSON, CSV and W3C Web Annotation, downloaded as files", () =>
    withPage(ctx.browser, site.url, downloading(ctx.spec), async (page) => {
      await annotate(page, EMOJI_TEXT);
      const ref = await referenceAnnotation(page, EMOJI_TEXT);
      const ann = JSON.parse(ref);
      const cps = Array.from(EMOJI_TEXT);

      const json = await download(ctx.spec, page, "#export-json");
      assert.equal(json.name, "article.annotation.json");
      assert.equal(json.text, ref, "exported JSON differs from the annotator's output");

      const csv = await download(ctx.spec, page, "#export-csv");
      assert.equal(csv.name, "article.quotes.csv");
      assert.ok(csv.text.startsWith("\uFEFF"));
      const rows = parseCsv(csv.text.slice(1));
      assert.deepEqual(rows[0], ["quote", "speaker_as_written", "resolved_speaker", "cue", "kind", "confidence", "start_utf16", "end_utf16", "start_codepoint", "end_codepoint"]);
      assert.equal(rows.length - 1, ann.quotes.length);
      rows.slice(1).forEach((r, i) => {
        const q = ann.quotes[i];
        assert.equal(r[0], q.text);
        assert.equal(EMOJI_TEXT.slice(+r[6], +r[7]), q.text);
        assert.equal(cps.slice(+r[8], +r[9]).join(""), q.text);
        assert.equal(r[1], q.speaker ? q.speaker.text : "");
        assert.equal(r[4], q.kind);
      });
      assert.ok(rows.some((r) => r[1] === "Pompeo" && r[2] === "Mike Pompeo"), "no row resolving Pompeo");

      const ld = await download(ctx.spec, page, "#export-jsonld");
      assert.equal(ld.name, "article.annotation.jsonld");
      const wa = JSON.parse(ld.text);
      assert.equal(wa["@context"], "http://www.w3.org/ns/anno.jsonld");
      assert.equal(wa.type, "AnnotationCollection");
      const items = wa.first.items;
      const mentions = ann.entities.reduce((n, e) => n + e.mentions.length, 0);
      assert.equal(items.length, ann.quotes.length + mentions);
      assert.equal(wa.total, items.length);
      for (const a of items) {
        assert.equal(a.type, "Annotation");
        assert.match(a.id, /^urn:uuid:[0-9a-f-]{36}$/);
        const tq = a.target.selector.find((x) => x.type === "TextQuoteSelector");
        const tp = a.target.selector.find((x) => x.type === "TextPositionSelector");
        assert.equal(cps.slice(tp.start, tp.end).join(""), tq.exact, "TextPositionSelector is not in code points");
        assert.equal(cps.slice(Math.max(0, tp.start - Array.from(tq.prefix).length), tp.start).join(""), tq.prefix);
        assert.equal(cps.slice(tp.end, tp.end + Array.from(tq.suffix).length).join(""), tq.suffix);
      }
      const first = items[0].target.selector.find((x) => x.type === "TextPositionSelector");
      assert.equal(first.start, ann.quotes[0].start - 2, "code points: two emoji are two characters, not four");
    }),
  );

  test("privacy: no request at all after load while pasting, annotating, opening a file and exporting (service worker on)", () =>
    withOwnSite((own) =>
      withPage(ctx.browser, own.url, downloading(ctx.spec, { serviceWorkers: "allow" }), async (page, s) => {
        await page.waitForFunction(() => document.documentElement.dataset.sw);
        const swAvailable = (await page.evaluate(() => document.documentElement.dataset.sw)) === "registered";
        // Firefox over BiDi runs contexts without service workers (registration is refused).
        assert.ok(swAvailable || ctx.name === "firefox", "the service worker did not register");
        const sw = !swAvailable ? "ready" : await page.evaluate(async () => {
          if (!("serviceWorker" in navigator)) return "none";
          const reg = await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(() => r(null), 10_000))]);
          return reg ? "ready" : "timeout";
        });
        assert.equal(sw, "ready", "the service worker did not install");
        // The worker imports the planner (render.js) after it is ready: part of loading.
        await page.waitForFunction(() => performance.getEntriesByName("annotator:worker-settled").length > 0);
        const serverBefore = own.requests.length;
        const pageBefore = s.requests.length;

        await annotate(page, "“Private words,” said Mike Pompeo in Seoul.");
        await page.focus("#article");
        await page.keyboard.type(" “More,” she said.");
        await page.waitForTimeout(600);
        await page.setInputFiles("#file", { name: "a.html", mimeType: "text/html", buffer: Buffer.from('<p>“File,” said Abe in Tokyo.</p><img src="/leak.png">') });
        await page.waitForFunction(() => document.documentElement.dataset.state === "done");
        await page.click("#annotated mark[data-layer=quote]");
        for (const b of ["#export-json", "#export-csv", "#export-jsonld"]) await download(ctx.spec, page, b);
        await page.click("#load-sample");
        await page.waitForFunction(() => document.documentElement.dataset.state === "done");
        await page.waitForTimeout(300);
        assert.deepEqual(own.requests.slice(serverBefore), [], "requests reached the server after load");
        assert.deepEqual(s.requests.slice(pageBefore), [], "the page made requests after load");
      }),
    ),
  );

  test("offline: with the server gone, a reload still serves and annotates from the service worker", {
    skip: ctx.name === "firefox" ? "Firefox over WebDriver BiDi refuses service worker registration in automation contexts" : false,
  }, () =>
    withOwnSite((own) =>
      withBarePage(ctx.browser, own.url, { serviceWorkers: "allow" }, async (page, errors) => {
        // Registration settles asynchronously, after the engine may already be ready.
        await page.waitForFunction(() => document.documentElement.dataset.sw !== undefined);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.sw), "registered");
        await page.evaluate(() => navigator.serviceWorker.ready);
        await own.close(); // the network is gone
        await page.reload();
        await waitIdle(page);
        assert.equal(await state(page), "done", await page.textContent("#error"));
        await annotate(page, "“Offline now,” said Mike Pompeo.");
        assert.equal(await page.textContent("#annotated mark[data-layer=quote]"), "“Offline now,”");
        assert.deepEqual(errors, []);
      }),
    ),
  );

  test("375 px phone width: no horizontal scroll, usable controls", () =>
    withPage(ctx.browser, site.url, { context: { viewport: { width: 375, height: 740 } } }, async (page) => {
      const r = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        small: [...document.querySelectorAll("button, .file-button, textarea")]
          .filter((e) => e.offsetParent !== null)
          .map((e) => [e.id || e.className, e.getBoundingClientRect()])
          .filter(([, b]) => b.height < 24 || b.right > 375)
          .map(([id, b]) => `${id} ${Math.round(b.width)}x${Math.round(b.height)} right ${Math.round(b.right)}`),
        map: document.querySelector("#map svg").getBoundingClientRect().width,
      }));
      assert.ok(r.scroll <= 375, `page is ${r.scroll}px wide at 375px`);
      assert.deepEqual(r.small, [], "controls too small or off-screen");
      assert.ok(r.map > 200 && r.map <= 375);
      await page.click(`#quote-1`);
      assert.equal(await page.isVisible("#details"), true);
    }),
  );

  test("a long unbroken word wraps in every panel (no sideways scroll); a right-to-left paragraph is set right to left", () =>
    withPage(ctx.browser, site.url, { context: { viewport: { width: 375, height: 740 } } }, async (page) => {
      const url = "https://example.com/" + "a".repeat(300);
      // A short Arabic paragraph, on one line: set right to left, it ends at the right edge.
      const arabic = "قال: «نعم».";
      await annotate(page, `“See ${url} for details,” said John ${"Q".repeat(120)} in London.\n\n${arabic}`);
      const r = await page.evaluate((arabic) => {
        const out = document.getElementById("annotated");
        const range = document.createRange();
        const walker = document.createTreeWalker(out, NodeFilter.SHOW_TEXT);
        const nodes = [];
        while (walker.nextNode()) nodes.push(walker.currentNode);
        const first = nodes.find((n) => n.data.includes("قال"));
        const last = nodes[nodes.length - 1];
        range.setStart(first, first.data.indexOf("قال"));
        range.setEnd(last, last.data.length);
        const box = out.getBoundingClientRect();
        const rect = range.getBoundingClientRect();
        return { scroll: document.documentElement.scrollWidth, left: rect.left - box.left, right: box.right - rect.right, text: range.toString() };
      }, arabic);
      assert.ok(r.scroll <= 375, `page is ${r.scroll}px wide at 375px`);
      assert.equal(r.text, arabic);
      assert.ok(r.right < 40 && r.left > 80, `the Arabic paragraph is ${Math.round(r.left)}px from the left and ${Math.round(r.right)}px from the right`);
      assert.equal(await page.getAttribute("#article", "dir"), "auto");
    }),
  );

  for (const dark of [false, true]) {
    test(`text contrast is AA (4.5:1) in ${dark ? "dark" : "light"} mode${dark ? ", with reduced motion" : ""}`, async () => {
      const media = { dark, reducedMotion: dark };
      // Chromium emulates the media per context; Firefox gets a browser launched with them.
      const b = ctx.name === "chromium" ? ctx.browser : await ctx.spec.launch(media);
      try {
        await withPage(b, site.url, { context: ctx.spec.contextMedia(media) }, async (page) => {
          await page.click("#quote-1"); // details shown too
          const r = await contrastReport(page);
          assert.equal(r.dark, dark, "colour scheme not emulated");
          assert.ok(r.checked > 50, `only ${r.checked} text elements checked`);
          assert.deepEqual(r.bad, [], "text below 4.5:1");
          if (dark) {
            assert.equal(r.bg, "rgb(21, 21, 21)");
            assert.equal(r.reduce, true);
            assert.equal(r.scroll, "auto", "smooth scrolling despite prefers-reduced-motion");
          } else {
            assert.equal(r.scroll, "smooth");
          }
        });
      } finally {
        if (b !== ctx.browser) await b.close();
      }
    });
  }
});
