// Suite scaffolding shared by the page tests: the static server for a test
// file, one describe block per browser in PAGE_BROWSERS, and pages opened in
// a fresh context that is always closed again. Page-level helpers (browser
// launch options, openPage, annotate, downloads…) live in helpers.mjs.
import { describe, before, after } from "node:test";
import { serve } from "./serve.mjs";
import { BROWSERS, SITE_DIR, browserNames, checkSite, checkBrowser, openPage, waitIdle, assertClean } from "./helpers.mjs";

/**
 * Serve the built site for the whole test file: checks SITE_DIR, starts the
 * server before the first test and stops it after the last. Returns a handle
 * whose `url` and `requests` (paths the server saw) read the live server.
 */
export function serveSite() {
  let server;
  before(async () => {
    checkSite();
    server = await serve(SITE_DIR);
  });
  after(async () => {
    await server?.close();
  });
  return {
    get url() {
      return server.url;
    },
    get requests() {
      return server.requests;
    },
  };
}

/**
 * A private server of SITE_DIR for one test (its request log starts empty,
 * and the test may stop it): `fn(own)`, then the server is closed.
 */
export async function withOwnSite(fn) {
  const own = await serve(SITE_DIR);
  try {
    return await fn(own);
  } finally {
    await own.close().catch(() => {});
  }
}

/**
 * `describe(`${title} in ${name}`, options, …)` for every known browser in
 * PAGE_BROWSERS, launching it before the block's tests and closing it after.
 * `body(ctx)` declares the tests; `ctx.name` is the browser's name, and
 * `ctx.browser` / `ctx.spec` (see BROWSERS) are set once the block runs.
 */
export function forEachBrowser(title, options, body) {
  for (const name of browserNames.filter((n) => n in BROWSERS)) {
    describe(`${title} in ${name}`, options, () => {
      const ctx = { name, spec: null, browser: null };
      before(async () => {
        ctx.spec = checkBrowser(name);
        ctx.browser = await ctx.spec.launch();
      });
      after(async () => {
        await ctx.browser?.close();
      });
      body(ctx);
    });
  }
}

/**
 * Open `url` with openPage (same options, plus `clean`), run `fn(page, s)`
 * with `s` the recording session, then assertClean(s) unless `clean: false`;
 * the context is closed whatever happens. `opts` may be left out.
 */
export async function withPage(browser, url, opts, fn) {
  if (typeof opts === "function") [opts, fn] = [{}, opts];
  const { clean = true, ...openOpts } = opts;
  const s = await openPage(browser, url, openOpts);
  try {
    await fn(s.page, s);
    if (clean) assertClean(s);
  } finally {
    await s.context.close();
  }
}

/**
 * A bare page on `url`, recording only page errors, for tests that must
 * control the context themselves: `serviceWorkers` ("block" or "allow"),
 * `beforeGoto(page)` (e.g. routes) before the first load. Waits for the app to
 * settle, runs `fn(page, pageErrors)`, and closes the context.
 */
export async function withBarePage(browser, url, { serviceWorkers = "block", beforeGoto } = {}, fn) {
  const context = await browser.newContext({ serviceWorkers });
  try {
    const page = await context.newPage();
    const pageErrors = [];
    page.on("pageerror", (err) => pageErrors.push(String(err)));
    if (beforeGoto) await beforeGoto(page);
    await page.goto(url);
    await waitIdle(page);
    await fn(page, pageErrors);
  } finally {
    await context.close();
  }
}

/** The app's `<html data-state>`: "loading", "ready", "busy", "done" or "error". */
export function pageState(page) {
  return page.evaluate(() => document.documentElement.dataset.state);
}
