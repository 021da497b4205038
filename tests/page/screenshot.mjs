// Screenshots of the page annotating the seed article, for the README.
//
//   cd tests/page && node screenshot.mjs [out-dir]
//
// Serves SITE_DIR (default <repo>/dist, made by `make site`) and writes into
// <repo>/docs/ (unless another directory is given): screenshot.png (desktop,
// 1280 px wide), screenshot-phone.png (375 px) and screenshot-dark.png.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const siteDir = path.resolve(process.env.SITE_DIR || path.join(repoRoot, "dist"));
const outDir = path.resolve(process.argv[2] || path.join(repoRoot, "docs"));
const seedPath = path.resolve(repoRoot, "../shared/data/seed-gold.json");
const text = fs.existsSync(seedPath)
  ? JSON.parse(fs.readFileSync(seedPath, "utf8")).text
  : fs.readFileSync(path.join(repoRoot, "www/sample.txt"), "utf8");

if (!fs.existsSync(path.join(siteDir, "pkg/annotator_bg.wasm"))) {
  console.error(`${siteDir} has no built site: run \`make site\` first, or set SITE_DIR`);
  process.exit(1);
}

const site = await serve(siteDir);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const shots = [
  { file: "screenshot.png", viewport: { width: 1280, height: 900 }, colorScheme: "light", fullPage: true },
  { file: "screenshot-phone.png", viewport: { width: 375, height: 812 }, colorScheme: "light", fullPage: false, isMobile: true },
  { file: "screenshot-dark.png", viewport: { width: 1280, height: 900 }, colorScheme: "dark", fullPage: false },
];
try {
  fs.mkdirSync(outDir, { recursive: true });
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: shot.viewport, colorScheme: shot.colorScheme, serviceWorkers: "block", deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(site.url);
    await page.waitForFunction(() => ["ready", "done", "error"].includes(document.documentElement.dataset.state));
    const before = await page.evaluate(() => Number(document.documentElement.dataset.runs || 0));
    await page.fill("#article", text);
    await page.click("#annotate");
    await page.waitForFunction((n) => Number(document.documentElement.dataset.runs || 0) > n && document.documentElement.dataset.state !== "busy", before);
    const state = await page.evaluate(() => document.documentElement.dataset.state);
    if (state !== "done") throw new Error(`annotation failed: ${await page.textContent("#error")}`);
    await page.evaluate(() => {
      document.getElementById("article").scrollTop = 0;
      document.activeElement?.blur();
    });
    if (shot.file === "screenshot-phone.png") {
      await page.locator("#output-heading").scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, -8));
    }
    if (shot.file === "screenshot-dark.png") {
      // Show the linking and the details of a quote.
      await page.hover("#quote-4");
      await page.click("#quote-4");
      await page.evaluate(() => document.getElementById("output-heading").scrollIntoView());
    }
    const out = path.join(outDir, shot.file);
    await page.screenshot({ path: out, fullPage: shot.fullPage });
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
