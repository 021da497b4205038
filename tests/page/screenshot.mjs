// Screenshot of the page annotating the seed article, for the README.
//
//   cd tests/page && node screenshot.mjs [out.png]
//
// Serves SITE_DIR (default <repo>/dist, made by `make site`) and writes
// <repo>/docs/screenshot.png (1280 px wide) unless another path is given.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "./serve.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const siteDir = path.resolve(process.env.SITE_DIR || path.join(repoRoot, "dist"));
const out = path.resolve(process.argv[2] || path.join(repoRoot, "docs/screenshot.png"));
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
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: "light" });
  await page.goto(site.url);
  await page.waitForFunction(() => ["ready", "done", "error"].includes(document.documentElement.dataset.state));
  const before = await page.evaluate(() => Number(document.documentElement.dataset.runs || 0));
  await page.fill("#article", text);
  await page.click("#annotate");
  await page.waitForFunction((n) => Number(document.documentElement.dataset.runs || 0) > n, before);
  const state = await page.evaluate(() => document.documentElement.dataset.state);
  if (state !== "done") throw new Error(`annotation failed: ${await page.textContent("#error")}`);
  // Scroll the textarea back to its top and drop the focus ring.
  await page.evaluate(() => {
    document.getElementById("article").scrollTop = 0;
    document.activeElement?.blur();
  });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
  await site.close();
}
