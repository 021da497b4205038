// Page tests: the built site (dist/ = www/ + the wasm-pack web build in pkg/)
// in real headless browsers through playwright-core.
//
//   cd tests/page && npm ci && node --test
//
// Environment:
//   SITE_DIR       directory to serve (default <repo>/dist, made by `make site`)
//   PAGE_BROWSERS  comma-separated subset of "chromium,firefox" (default both;
//                  a listed browser that is not installed fails the suite)
import { test } from "node:test";
import assert from "node:assert/strict";
import { BROWSERS, browserNames, loadSeed, runs, waitRuns, annotate } from "./helpers.mjs";
import { serveSite, forEachBrowser, withPage, withBarePage, pageState } from "./harness.mjs";

const seed = loadSeed();

/** Every highlight in document order, with its nesting parent (another mark) if any. */
async function readMarks(page) {
  return page.evaluate(() => {
    const marks = [...document.querySelectorAll("#annotated mark.ann")];
    return {
      value: document.getElementById("article").value,
      marks: marks.map((m) => {
        const parent = m.parentElement.closest("mark.ann");
        return {
          layer: m.dataset.layer,
          start: Number(m.dataset.start),
          end: Number(m.dataset.end),
          text: m.textContent,
          quote: m.dataset.quote ?? null,
          speakerOf: m.dataset.speakerOf ?? null,
          part: m.dataset.part ?? null,
          title: m.title,
          parent: parent ? { start: Number(parent.dataset.start), end: Number(parent.dataset.end) } : null,
        };
      }),
    };
  });
}

/** Join split pieces (data-part first/middle/last) of one layer back into whole spans. */
function wholeSpans(marks, layer) {
  const out = [];
  let cur = null;
  for (const m of marks.filter((x) => x.layer === layer)) {
    if (m.part === "middle" || m.part === "last") {
      if (cur) {
        cur.text += m.text;
        cur.end = m.end;
        continue;
      }
    }
    cur = { start: m.start, end: m.end, text: m.text };
    out.push(cur);
  }
  return out;
}

/** Route the engine's .wasm to a 404, so the annotator cannot start. */
function breakEngine(page) {
  return page.route("**/pkg/annotator_bg.wasm", (route) => route.fulfill({ status: 404, body: "gone" }));
}

// ---- the suite, once per browser ---------------------------------------------------

const site = serveSite();

test("PAGE_BROWSERS names known browsers", () => {
  assert.ok(browserNames.length > 0, "PAGE_BROWSERS is empty");
  for (const name of browserNames) assert.ok(name in BROWSERS, `unknown browser in PAGE_BROWSERS: ${name}`);
});

forEachBrowser("page", { timeout: 180_000 }, (ctx) => {
  test("annotates the seed article: quotes, speakers, persons, places", () =>
    withPage(ctx.browser, site.url, async (page) => {
      const state = await pageState(page);
      assert.notEqual(state, "error", `page failed to start: ${await page.textContent("#error")}`);

      await annotate(page, seed.text);
      assert.equal(await pageState(page), "done");
      assert.equal(await page.isHidden("#error"), true, `error shown: ${await page.textContent("#error")}`);

      const { value, marks } = await readMarks(page);
      assert.equal(value, seed.text);
      assert.ok(marks.length >= 20, `expected many highlights, got ${marks.length}`);

      // Whole annotated text is the input, in order, with nothing added or lost.
      assert.equal(await page.textContent("#annotated"), seed.text);

      // Every piece's offsets slice the input to exactly its text; pieces nest.
      for (const m of marks) {
        assert.ok(m.end > m.start, `empty highlight ${JSON.stringify(m)}`);
        assert.equal(value.slice(m.start, m.end), m.text, `slice mismatch for ${m.layer} [${m.start}, ${m.end})`);
        assert.ok(m.title.length > 0, `highlight without a tooltip: ${JSON.stringify(m)}`);
        if (m.parent) {
          assert.ok(m.parent.start <= m.start && m.end <= m.parent.end, `bad nesting: ${JSON.stringify(m)}`);
        }
      }

      // Quotes: join pieces by data-quote index.
      const quoteText = new Map();
      const quoteStart = new Map();
      for (const m of marks.filter((x) => x.layer === "quote")) {
        assert.notEqual(m.quote, null, "quote highlight without data-quote");
        quoteText.set(m.quote, (quoteText.get(m.quote) ?? "") + m.text);
        if (!quoteStart.has(m.quote)) quoteStart.set(m.quote, m.start);
      }
      const found = [...quoteText.entries()].map(([i, text]) => ({ text, start: quoteStart.get(i) }));
      for (const g of seed.quotes) {
        assert.ok(
          found.some((q) => q.text === g.text && q.start === g.start),
          `gold quote not highlighted as a whole: ${g.text} at ${g.start}; found ${JSON.stringify(found.map((q) => q.text))}`,
        );
      }

      // Speakers: every speaker piece belongs to a rendered quote.
      const speakers = new Map();
      for (const m of marks.filter((x) => x.layer === "speaker")) {
        assert.ok(quoteText.has(m.speakerOf), `speaker of unknown quote ${m.speakerOf}`);
        speakers.set(m.speakerOf, (speakers.get(m.speakerOf) ?? "") + m.text);
      }
      const speakerTexts = [...speakers.values()];
      for (const who of ["Pompeo", "Abe"]) {
        assert.ok(
          speakerTexts.some((t) => new RegExp(`\\b${who}\\b`).test(t)),
          `no speaker highlight for ${who}: ${JSON.stringify(speakerTexts)}`,
        );
      }

      const texts = (layer) => wholeSpans(marks, layer).map((x) => x.text);
      const locations = texts("location");
      for (const place of ["Seoul", "North Korea", "Singapore"]) {
        assert.ok(locations.includes(place), `no location highlight "${place}": ${JSON.stringify(locations)}`);
      }
      const persons = texts("person");
      assert.ok(persons.includes("Mike Pompeo"), `no person highlight "Mike Pompeo": ${JSON.stringify(persons)}`);

      // A place inside a quote is nested in the quote element.
      const nested = await page.evaluate(
        () => document.querySelectorAll("#annotated mark[data-layer=quote] mark[data-layer=location]").length,
      );
      assert.ok(nested > 0, "no location highlight nested inside a quote");

      // Who said what: one entry per quote, grouped under the resolved speaker.
      const list = await page.evaluate(() =>
        [...document.querySelectorAll("#quotes li")].map((li) => ({
          quote: li.dataset.quote,
          written: li.querySelector(".speaker-text")?.textContent ?? null,
          entity: li.closest(".speaker-group")?.querySelector(".speaker-entity")?.textContent ?? null,
          link: li.querySelector("a")?.getAttribute("href") ?? null,
        })),
      );
      assert.equal(list.length, quoteText.size, "who-said-what list length differs from the number of quotes");
      assert.ok(
        list.some((x) => x.written === "Pompeo" && x.entity === "Mike Pompeo"),
        `"Pompeo" not grouped under "Mike Pompeo" in the quote list: ${JSON.stringify(list)}`,
      );
      for (const x of list) {
        assert.equal(x.link, `#quote-${x.quote}`);
        assert.equal(await page.locator(`[id="quote-${x.quote}"]`).count(), 1, `no anchor for quote ${x.quote}`);
      }
    }),
  );

  test("the page loads the sample, and Clear / Load sample / Ctrl+Enter work", () =>
    withPage(ctx.browser, site.url, async (page) => {
      // Pre-filled from sample.txt (a copy of the seed text) and annotated at start-up.
      assert.equal(await page.inputValue("#article"), seed.text);
      assert.equal(await pageState(page), "done");
      assert.ok((await page.locator("#annotated mark[data-layer=quote]").count()) > 0);
      assert.equal(await page.getAttribute("#status", "aria-live"), "polite");
      assert.ok(await page.locator("label[for=article]").count(), "textarea has no label");
      assert.equal(await page.locator("#legend-items input[type=checkbox]").count(), 6, "legend toggles");

      await page.click("#clear");
      assert.equal(await page.inputValue("#article"), "");
      assert.equal(await page.locator("#annotated mark").count(), 0);
      assert.equal(await page.locator("#quotes li").count(), 0);

      const before = await runs(page);
      await page.click("#load-sample");
      await waitRuns(page, before);
      assert.equal(await page.inputValue("#article"), seed.text);
      assert.ok((await page.locator("#annotated mark[data-layer=quote]").count()) > 0);

      await annotate(page, "He said “hello there,” and left.\n\nNew paragraph.", { via: "keyboard" });
      assert.equal(await page.textContent("#annotated"), "He said “hello there,” and left.\n\nNew paragraph.");
      assert.equal(await page.textContent("#annotated mark[data-layer=quote]"), "“hello there,”");
      // Paragraph breaks are preserved on screen.
      const ws = await page.evaluate(() => getComputedStyle(document.getElementById("annotated")).whiteSpace);
      assert.ok(["pre-wrap", "break-spaces", "pre-line"].includes(ws), `white-space is ${ws}`);

      // Hiding a layer from the legend only changes styling.
      await page.uncheck("#legend-items input[data-layer=quote]");
      assert.ok(await page.evaluate(() => document.getElementById("annotated").classList.contains("hide-quote")));
    }),
  );

  test("markup in the pasted text is rendered literally, never executed", () =>
    withPage(ctx.browser, site.url, async (page) => {
      const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> “<b>quoted</b>,” said <i>Mike</i>.`;
      await annotate(page, payload);
      await page.waitForTimeout(300); // give an injected onerror a chance to fire
      assert.equal(await page.textContent("#annotated"), payload);
      assert.equal(await page.locator("#annotated img, #annotated script, #annotated b, #annotated i").count(), 0);
      assert.equal(await page.locator("#quotes img, #quotes script, #quotes b").count(), 0);
      assert.equal(await page.evaluate(() => typeof window.__pwned), "undefined");
      assert.ok(!site.requests.some((r) => r === "/x"), "the injected <img src=x> was requested");
    }),
  );

  test("the renderer nests overlapping spans and splits crossing ones", () =>
    withPage(ctx.browser, site.url, async (page) => {
      const result = await page.evaluate(async () => {
        const { renderText } = await import("./render.js");
        const text = "Alpha Beta Gamma Delta";
        const ann = {
          version: 1,
          offsets: "utf16",
          length: text.length,
          quotes: [
            // crosses the location "Gamma Delta" at 11..22
            { start: 0, end: 16, text: "Alpha Beta Gamma", kind: "direct", speaker: { start: 0, end: 5, text: "Alpha", entity: 0 }, cue: null },
          ],
          entities: [
            { id: 0, type: "person", name: "Alpha Person", mentions: [{ start: 0, end: 5, text: "Alpha" }] },
            { id: 7, type: "location", name: "Gamma Delta", mentions: [{ start: 11, end: 22, text: "Gamma Delta" }], geo: { country: "KR", feature: "city" } },
          ],
        };
        const { fragment, problems } = renderText(text, ann, document);
        const div = document.createElement("div");
        div.appendChild(fragment);
        const marks = [...div.querySelectorAll("mark")].map((m) => ({
          layer: m.dataset.layer,
          start: m.dataset.start,
          end: m.dataset.end,
          part: m.dataset.part ?? null,
          text: m.textContent,
          title: m.title,
          depth: (() => {
            let d = 0;
            for (let p = m.parentElement; p !== div; p = p.parentElement) d++;
            return d;
          })(),
        }));
        return { text: div.textContent, marks, problems };
      });
      assert.equal(result.text, "Alpha Beta Gamma Delta");
      assert.deepEqual(result.problems, []);
      const brief = result.marks.map((m) => `${m.depth}:${m.layer}:${m.text}:${m.part ?? ""}`);
      assert.deepEqual(brief, [
        "0:quote:Alpha Beta Gamma:",
        "1:speaker:Alpha:",
        "2:person:Alpha:",
        "1:location:Gamma:first",
        "0:location: Delta:last",
      ]);
      const loc = result.marks.find((m) => m.layer === "location");
      assert.equal(loc.title, "Gamma Delta, KR (city)");
      assert.equal(result.marks[0].title, "Quote (direct) — speaker: Alpha → Alpha Person");
    }),
  );

  test("a broken engine is reported on the page, which keeps working", () =>
    withBarePage(ctx.browser, site.url, { beforeGoto: breakEngine }, async (page, pageErrors) => {
      assert.equal(await pageState(page), "error");
      assert.equal(await page.isVisible("#error"), true);
      assert.match(await page.textContent("#error"), /annotator/i);
      assert.equal(await page.isDisabled("#annotate"), true);
      // The rest of the page still responds.
      await page.click("#clear");
      assert.equal(await page.inputValue("#article"), "");
      await page.click("#load-sample");
      await page.waitForFunction(() => document.getElementById("article").value.length > 0);
      assert.deepEqual(pageErrors, []);
    }),
  );
});
