// Reads the built example site as a reader would, in Debian's Chromium:
// - axe-core on the index, an article, a person and an event page: zero violations;
// - the same pages with JavaScript off: the main content and the navigation are there;
// - screenshots of those pages (light and dark, desktop and phone) into docs/screenshots/.
// Usage: node check.mjs <site output folder> <screenshot folder>
import { chromium } from "playwright-core";
import { readFileSync, mkdirSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const site = resolve(process.argv[2] ?? "../../public");
const shots = resolve(process.argv[3] ?? "../../docs/screenshots");
mkdirSync(shots, { recursive: true });

const first = (folder) => readdirSync(join(site, folder)).filter((f) => f.endsWith(".html") && f !== "index.html").sort()[0];
const pages = {
  index: "index.html",
  article: `articles/${first("articles")}`,
  person: "people/vladimir-putin.html",
  event: "events/anchorage-summit-2025.html",
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
let failures = 0;
try {
  for (const [name, path] of Object.entries(pages)) {
    const url = "file://" + join(site, path);
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(url);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
      for (const v of result.violations) {
        failures += 1;
        console.log(`${path} (${scheme}): ${v.id} — ${v.help} (${v.nodes.length} nodes)`);
        for (const node of v.nodes.slice(0, 3)) console.log(`    ${node.target.join(" ")}: ${node.failureSummary.split("\n")[1] ?? ""}`);
      }
      await page.screenshot({ path: join(shots, `${name}-${scheme}.png`), fullPage: false });
      await context.close();
    }
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const phonePage = await phone.newPage();
    await phonePage.goto(url);
    await phonePage.screenshot({ path: join(shots, `${name}-phone.png`), fullPage: false });
    await phone.close();

  }
  // Every page, with JavaScript off: a heading, content in <main> and the site navigation.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  const all = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(site, dir), { withFileTypes: true })) {
      const rel = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith(".html")) all.push(rel);
    }
  };
  walk("");
  for (const path of all.sort()) {
    await plain.goto("file://" + join(site, path));
    const usable = await plain.evaluate(() => {
      const main = document.querySelector("main");
      const nav = document.querySelectorAll("nav a").length;
      return Boolean(main && main.querySelector("h1") && main.innerText.trim().length > 40 && nav >= 5);
    });
    if (!usable) {
      failures += 1;
      console.log(`${path}: not usable with JavaScript off`);
    }
  }
  await noScript.close();
  console.log(`JavaScript off: ${all.length} pages read`);
} finally {
  await browser.close();
}
console.log(`axe: ${Object.keys(pages).length * 2} page views checked, ${failures} problems; screenshots in ${shots}`);
process.exit(failures === 0 ? 0 : 1);
