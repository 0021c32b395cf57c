// The search page as a reader uses it, in Debian's Chromium over HTTP: a query for words that
// are only in an article's text must list that article, with the words marked in a line of
// it, and axe-core must find nothing wrong with the page of results. Prints the bytes the
// page and the query fetched.
// Usage: node search.mjs <site output folder> <query> <part of the expected result's URL>
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join, resolve, normalize, extname } from "node:path";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

const [siteArg, query, expected] = process.argv.slice(2);
if (!siteArg || !query || !expected) {
  console.error("usage: node search.mjs <site> <query> <part of the expected URL>");
  process.exit(2);
}
const site = resolve(siteArg);
const types = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".css": "text/css" };
const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
  try {
    const body = await readFile(join(site, path.endsWith("/") ? path + "index.html" : path));
    res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic"],
});
let failed = false;
try {
  const page = await browser.newPage();
  const fetched = [];
  page.on("response", async (response) => {
    try {
      fetched.push([new URL(response.url()).pathname, (await response.body()).length]);
    } catch {}
  });
  await page.goto(base + "search.html?q=" + encodeURIComponent(query));
  await page.waitForSelector("#search-results li", { timeout: 20000 });
  await page.waitForLoadState("networkidle");
  const found = await page.$$eval("#search-results li", (items) =>
    items.map((li) => ({ url: li.querySelector("a").getAttribute("href"), marks: li.querySelectorAll(".search-snippet mark").length })));
  const hit = found.findIndex((r) => r.url.includes(expected));
  const bytes = fetched.reduce((sum, [, n]) => sum + n, 0);
  const searchBytes = fetched.filter(([p]) => p.includes("/search/")).reduce((sum, [, n]) => sum + n, 0);
  console.log(`search "${query}": ${found.length} results shown; "${expected}" at rank ${hit + 1}; ` +
    `${fetched.length} files, ${(bytes / 1024).toFixed(1)} KiB fetched (${(searchBytes / 1024).toFixed(1)} KiB of index)`);
  // The page with its results, as axe-core reads it: no violations.
  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  for (const v of axe.violations) {
    failed = true;
    console.log(`search page with results: ${v.id} — ${v.help} (${v.nodes.length} nodes)`);
  }
  if (hit === -1) {
    failed = true;
    console.log(`not found: ${expected} (results: ${found.slice(0, 5).map((r) => r.url).join(", ")})`);
  } else if (found[hit].marks === 0) {
    failed = true;
    console.log(`found, but no line of the article shows the words marked`);
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
