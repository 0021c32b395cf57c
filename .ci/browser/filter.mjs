// A person's first page narrowed in Debian's Chromium: with JavaScript the form shows and
// choosing an outlet or period hides the other articles (each a quote group or a card, once)
// and says how many are shown; without
// JavaScript the form stays hidden and every article shows.
// Usage: node filter.mjs <site output folder> <person page, relative to it>
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [siteArg, pagePath] = process.argv.slice(2);
if (!siteArg || !pagePath) {
  console.error("usage: node filter.mjs <site> <people/x.html>");
  process.exit(2);
}
const url = pathToFileURL(resolve(siteArg, pagePath)).href;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const fail = (message) => {
  console.error(`filter: ${message}`);
  process.exitCode = 1;
};
const visible = (page, selector) =>
  page.$$eval(selector, (els) => els.filter((el) => el.offsetParent !== null).length);
try {
  const off = await browser.newContext({ javaScriptEnabled: false });
  const plain = await off.newPage();
  await plain.goto(url);
  const all = await plain.$$eval("[data-source]", (els) => els.length);
  if (await plain.isVisible("#filters")) fail("the form shows without JavaScript");
  if ((await visible(plain, "[data-source]")) !== all) fail("articles hidden without JavaScript");

  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector("#filters", { state: "visible" });
  const status = () => page.textContent("#filter-status");
  if ((await status()) !== `${all} of ${all} articles shown`) fail(`status at first: ${await status()}`);
  const choices = async (id) => page.$$eval(`#${id} option`, (os) => os.map((o) => o.value).filter(Boolean));
  for (const id of ["filter-source", "filter-period"]) {
    if (!(await page.$(`#${id}`))) continue;
    const [value] = await choices(id);
    await page.selectOption(`#${id}`, value);
    const shown = await visible(page, "[data-source]");
    const expected = await page.$$eval(
      "[data-source]",
      (els, [id, value]) =>
        els.filter((el) =>
          id === "filter-source" ? el.dataset.source === value : el.dataset.date.startsWith(value)).length,
      [id, value],
    );
    if (shown !== expected || shown === all) fail(`${id}=${value}: ${shown} shown, ${expected} expected of ${all}`);
    if ((await status()) !== `${shown} of ${all} articles shown`) fail(`status: ${await status()}`);
    const groups = await page.$$eval(".quote-group", (gs) => gs.filter((g) => !g.hidden).map((g) => g.dataset));
    if (groups.some((d) => (id === "filter-source" ? d.source !== value : !d.date.startsWith(value)))) {
      fail(`${id}=${value}: a quote group of another article still shows`);
    }
    console.log(`filter: ${id}=${value}: ${shown} of ${all} articles shown`);
    await page.selectOption(`#${id}`, "");
  }
} finally {
  await browser.close();
}
