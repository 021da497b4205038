// Hostile input (issue 8): XSS payloads pasted and dropped as .html files.
// A trap installed before the page's own scripts fails the test on any
// execution (alert/confirm/prompt/pwn, a javascript: navigation), any request
// the payloads name, and any CSP violation (which would mean markup reached
// the live document).
import { test } from "node:test";
import assert from "node:assert/strict";
import { serveSite, forEachBrowser, withPage } from "./harness.mjs";

const PAYLOADS = [
  `<script>pwn(1)</script>`,
  `<img src=/xss-img onerror=pwn(2)>`,
  `<img src="x" onerror="alert(3)">`,
  `<svg onload=pwn(4)>`,
  `<svg><script>pwn(5)</script></svg>`,
  `<svg><animate onbegin=pwn(6) attributeName=x dur=1s>`,
  `<body onload=pwn(7)>`,
  `<iframe src="javascript:parent.pwn(8)"></iframe>`,
  `<iframe srcdoc="<script>parent.pwn(9)</script>"></iframe>`,
  `<a href="javascript:pwn(10)">click</a>`,
  `<details open ontoggle=pwn(11)>`,
  `<input autofocus onfocus=pwn(12)>`,
  `<video><source onerror=pwn(13)></video>`,
  `<audio src=/xss-audio onerror=pwn(14)>`,
  `<object data="javascript:pwn(15)"></object>`,
  `<embed src="javascript:pwn(16)">`,
  `<math><mtext><table><mglyph><style><img src=/xss-mxss onerror=pwn(17)>`,
  `<style>@import "/xss-css";</style>`,
  `<div style="background:url(/xss-bg)">x</div>`,
  `<link rel=stylesheet href=/xss-link>`,
  `<meta http-equiv="refresh" content="0;url=javascript:pwn(21)">`,
  `<base href="javascript:pwn(22)//">`,
  `<form action="javascript:pwn(23)"><button>go</button></form>`,
  `"><script>pwn(24)</script>`,
  `'><img src=x onerror=pwn(25)>`,
  `</textarea><script>pwn(26)</script>`,
  `</mark><img src=x onerror=pwn(27)>`,
  `<scr<script>ipt>pwn(28)</scr</script>ipt>`,
  `<IMG SRC=JaVaScRiPt:pwn(29)>`,
  `<img src=x onerror=&#112;&#119;&#110;&#40;&#51;&#48;&#41;>`,
  `<marquee onstart=pwn(31)>`,
  `<select autofocus onfocus=pwn(32)>`,
  `<noscript><p title="</noscript><img src=x onerror=pwn(33)>">`,
  `<template><img src=x onerror=pwn(34)></template>`,
  `<img src=x onerror="pwn(35)"`,
  `<!--<img src="--><img src=x onerror=pwn(36)//">`,
  `javascript:pwn(37)`,
  `{{constructor.constructor('pwn(38)')()}}`,
  `\${pwn(39)}`,
  `<x onmouseover=pwn(40) style=display:block;width:9999px;height:9999px>hover</x>`,
];

function trap() {
  window.__xss = [];
  const hit = (what) => window.__xss.push(String(what));
  window.pwn = (n) => hit(`pwn ${n}`);
  window.alert = window.confirm = window.prompt = (m) => hit(`dialog ${m}`);
  document.addEventListener("securitypolicyviolation", (e) => hit(`csp ${e.violatedDirective} ${e.blockedURI}`));
}

const site = serveSite();

forEachBrowser("hostile input", { timeout: 120_000 }, (ctx) => {
  test(`${PAYLOADS.length} XSS payloads pasted and dropped as .html: nothing executes, pasted text renders literally`, async () => {
    assert.ok(PAYLOADS.length >= 30);
    await withPage(ctx.browser, site.url, { init: trap }, async (page) => {
      // Sanity check of the trap itself: it does catch an execution.
      assert.deepEqual(await page.evaluate(() => (window.pwn(0), window.__xss.splice(0))), ["pwn 0"]);
      await page.evaluate(() => (document.getElementById("live").checked = false));
      const results = await page.evaluate(async (payloads) => {
        const root = document.documentElement;
        const ta = document.getElementById("article");
        const waitRun = async (n) => {
          while (Number(root.dataset.runs) === n) await new Promise((r) => setTimeout(r, 5));
        };
        const ALLOWED = new Set(["MARK", "DIV", "P"]);
        const out = [];
        for (const p of payloads) {
          // Pasted: inside a quote, as a speaker-like phrase and a place, so every panel shows it.
          const text = `“${p},” said Mike Pompeo in Seoul.\n\n${p} said “hello ${p}.”\n\n${p}`;
          let n = Number(root.dataset.runs);
          ta.value = text;
          document.getElementById("annotate").click();
          await waitRun(n);
          const foreign = [...document.querySelectorAll("#annotated *, #quotes *, #places *, #details *")]
            .map((e) => e.tagName)
            .filter((t) => !ALLOWED.has(t) && !["SECTION", "H3", "SPAN", "OL", "LI", "A", "UL", "BUTTON", "DL", "DT", "DD"].includes(t));
          const links = [...document.querySelectorAll("#quotes a, #annotated a")].map((a) => a.getAttribute("href")).filter((h) => !/^#quote-\d+$/.test(h));
          const annotatedTags = [...document.querySelectorAll("#annotated *")].map((e) => e.tagName).filter((t) => !ALLOWED.has(t));
          // Open a quote's details too.
          document.querySelector("#annotated mark[data-layer=quote]")?.click();
          out.push({
            p,
            how: "pasted",
            state: root.dataset.state,
            literal: document.getElementById("annotated").textContent === text,
            foreign: foreign.concat(annotatedTags),
            links,
          });
          // Dropped as an .html file.
          n = Number(root.dataset.runs);
          const dt = new DataTransfer();
          dt.items.add(new File([`<!doctype html><html><body><p>Before.</p>${p}<p>“After,” said Mike Pompeo.</p></body></html>`], "payload.html", { type: "text/html" }));
          ta.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
          await waitRun(n);
          out.push({
            p,
            how: "dropped",
            state: root.dataset.state,
            literal: document.getElementById("annotated").textContent === ta.value && ta.value.startsWith("Before."),
            foreign: [...document.querySelectorAll("#annotated *")].map((e) => e.tagName).filter((t) => !ALLOWED.has(t)),
            links: [],
          });
        }
        return out;
      }, PAYLOADS);
      await page.waitForTimeout(500); // let any late handler or timer fire
      for (const r of results) {
        assert.equal(r.state, "done", `${r.how} ${r.p}: state ${r.state}`);
        assert.ok(r.literal, `${r.how} ${r.p}: not rendered as its text`);
        assert.deepEqual(r.foreign, [], `${r.how} ${r.p}: unexpected elements`);
        assert.deepEqual(r.links, [], `${r.how} ${r.p}: unexpected links`);
      }
      assert.equal(results.length, 2 * PAYLOADS.length);
      assert.deepEqual(await page.evaluate(() => window.__xss), [], "a payload executed or hit the CSP");
      assert.deepEqual(site.requests.filter((r) => r.startsWith("/xss") || r === "/x"), [], "a payload loaded a resource");
      assert.equal(page.url(), site.url, "the page navigated");
    });
  });
});
