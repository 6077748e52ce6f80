import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../output/build-site.ts";
import { SEED } from "./pages.ts";
import { browserSession } from "./session.ts";

/** Where the screenshots shown in the README are written. */
const SCREENSHOTS = path.join(ROOT, "docs/screenshots");
const SHOTS: Array<{ name: string; url: string }> = [
  { name: "home", url: "/" },
  { name: "tag", url: SEED.tag },
  { name: "intersection", url: SEED.intersection },
  { name: "dossier", url: SEED.dossier },
  { name: "article", url: SEED.article },
];

const session = browserSession();

test.after(async () => {
  // Only close what was opened: a session that failed to start has nothing to close.
  await session().then((s) => s.close(), () => undefined);
});

/** Runs in the page: undefined when the page does not scroll sideways, else what sticks out. */
const sidewaysOverflow = (): string | undefined => {
  const root = document.documentElement;
  if (root.scrollWidth <= root.clientWidth) return undefined;
  // The element whose right edge goes furthest names the culprit.
  let culprit = "";
  let right = root.clientWidth;
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect().right;
    if (r > right) [right, culprit] = [r, `<${el.tagName.toLowerCase()} class="${el.className}">`];
  }
  return `${root.scrollWidth} > ${root.clientWidth}, widest ${culprit}`;
};

test("the sideways-scroll check can fail: a 500px block on a 360px screen is caught", async () => {
  const { browser } = await session();
  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  await page.setContent('<!DOCTYPE html><html lang="it"><body><div class="largo" style="width:500px">x</div></body></html>');
  assert.match((await page.evaluate(sidewaysOverflow)) ?? "", /class="largo"/);
  await page.close();
});

test("no sideways scrolling from 360 to 1440 px on any page type", async () => {
  const { browser, server, pages } = await session();
  const overflowing: string[] = [];
  for (const width of [360, 390, 768, 1024, 1280, 1440]) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    for (const { url } of pages) {
      await page.goto(server.origin + url);
      const widest = await page.evaluate(sidewaysOverflow);
      if (widest) overflowing.push(`${url} at ${width}px: ${widest}`);
    }
    await page.close();
  }
  assert.equal(overflowing, []);
});

test("readable without JavaScript: every page type renders its heading and content with scripts off", async () => {
  const { browser, server, pages } = await session();
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  for (const { url } of pages) {
    await page.goto(server.origin + url);
    assert.ok(await page.locator("h1").isVisible(), url);
    assert.ok((await page.locator("main").innerText()).length > 20, url);
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.match(font, /system-ui/, `${url}: the stylesheet is applied`);
  }
  await context.close();
});

test("dark mode: with prefers-color-scheme dark the page turns light-on-dark", async () => {
  const { browser, server } = await session();
  const luminance = async (scheme: "light" | "dark") => {
    const context = await browser.newContext({ colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(server.origin + SEED.article);
    const colours = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector("h1")!).color]);
    await context.close();
    // rgb(r, g, b) → mean channel, 0 (black) to 255 (white)
    return colours.map((c) => (c.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, v) => sum + Number(v) / 3, 0));
  };
  const [lightBackground = 0, lightText = 0] = await luminance("light");
  const [darkBackground = 255, darkText = 0] = await luminance("dark");
  assert.ok(lightBackground > 200 && lightText < 60, "light: dark text on a light page");
  assert.ok(darkBackground < 40 && darkText > 200, "dark: light text on a dark page");
});

test("print: an article prints its text without navigation, related articles or footer lists", async () => {
  const { browser, server } = await session();
  const page = await browser.newPage();
  await page.emulateMedia({ media: "print" });
  await page.goto(server.origin + SEED.article);
  for (const hidden of [".main-nav", ".breadcrumbs", ".related", ".dossier-box__nav", ".site-footer__group"]) {
    assert.not.ok(await page.locator(hidden).first().isVisible(), `${hidden} is not printed`);
  }
  for (const shown of ["h1", ".article__body", ".byline", ".site-name"]) assert.ok(await page.locator(shown).first().isVisible(), `${shown} is printed`);
  const pdf = await page.pdf({ format: "A4" });
  assert.ok(pdf.length > 10_000);
  await page.close();
});

test("screenshots of home, tag, intersection, dossier and article at 390 and 1280 px", async () => {
  const { browser, server } = await session();
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 }, colorScheme: "light", deviceScaleFactor: 1 });
    const page = await context.newPage();
    for (const { name, url } of SHOTS) {
      await page.goto(server.origin + url);
      const file = path.join(SCREENSHOTS, `${name}-${width}.png`);
      const png = await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
      assert.ok(png.length > 10_000, `${file} is written`);
    }
    await context.close();
  }
});

test.run();
