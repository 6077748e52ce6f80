/**
 * The site's look in a browser: test/fixtures/look (its palette in both schemes, a font file, a logo, a navigation
 * and footer columns) read by Chromium. axe finds no violation in either scheme; the colours, the font and the logo
 * are the ones the options give; no sideways scrolling on a 360 px phone. Screenshots for docs/design.md.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import path from "node:path";
import { axe } from "./axe.ts";
import type { Browser } from "playwright-core";
import { buildFixture, ROOT } from "../helpers/build.ts";
import { launchChromium } from "./chromium.ts";
import { serve, type StaticServer } from "./serve.ts";

const PAGES = ["/", "/centri-diurni/", "/chi-siamo/", "/area/terzo-settore/", "/tag/comuni/", "/tag/", "/404.html"];

let session: Promise<{ browser: Browser; server: StaticServer }> | undefined;
// Started inside the tests, not in a hook: a missing browser must fail the run.
const start = () =>
  (session ??= (async () => {
    const build = buildFixture("look");
    if (build.status !== 0) throw new Error(build.output);
    return { browser: await launchChromium(), server: await serve(build.out) };
  })());

test.after(async () => {
  await session?.then(async (s) => (await s.browser.close(), await s.server.close()), () => undefined);
});

test("axe-core: zero violations with the site's palette, light and dark, phone and desktop", async () => {
  const { browser, server } = await start();
  const found: string[] = [];
  for (const [colorScheme, width] of [["light", 390], ["light", 1280], ["dark", 1280]] as const) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const page = await context.newPage();
    for (const url of PAGES) {
      await page.goto(server.origin + url);
      found.push(...(await axe(page)).map((v) => `${url} (${colorScheme}, ${width}px): ${v.id} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
    }
    await context.close();
  }
  assert.equal(found, []);
});

test("the page takes the options' colours in each scheme, their fonts, and the published font file loads", async () => {
  const { browser, server } = await start();
  const seen: Record<string, unknown> = {};
  for (const colorScheme of ["light", "dark"] as const) {
    const page = await browser.newPage({ colorScheme });
    await page.goto(server.origin + "/centri-diurni/");
    // No helper functions inside: tsx would name them with a function the page does not have.
    seen[colorScheme] = await page.evaluate(() => ({
      paper: getComputedStyle(document.body).backgroundColor,
      ink: getComputedStyle(document.body).color,
      footer: getComputedStyle(document.querySelector(".site-footer") as Element).backgroundColor,
      kicker: getComputedStyle(document.querySelector(".kicker a") as Element).color,
      text: getComputedStyle(document.body).fontFamily,
      headings: getComputedStyle(document.querySelector("h1") as Element).fontFamily,
    }));
    await page.close();
  }
  const fonts = { text: '"Osservatorio Sans", system-ui, sans-serif', headings: 'Georgia, "DejaVu Serif", serif' };
  assert.equal(seen.light, { paper: "rgb(251, 250, 247)", ink: "rgb(20, 33, 61)", footer: "rgb(20, 33, 61)", kicker: "rgb(11, 93, 79)", ...fonts });
  assert.equal(seen.dark, { paper: "rgb(14, 22, 36)", ink: "rgb(232, 237, 244)", footer: "rgb(8, 13, 22)", kicker: "rgb(127, 216, 198)", ...fonts });
  const page = await browser.newPage();
  await page.goto(server.origin + "/");
  // The @font-face url() is relative to the stylesheet: the face loads from /assets/fonts/.
  const faces = await page.evaluate(async () => (await document.fonts.load('16px "Osservatorio Sans"')).map((f) => `${f.family} ${f.status}`));
  const logo = await page.evaluate(() => {
    const img = document.querySelector<HTMLImageElement>(".site-name img");
    return img ? { complete: img.complete, naturalWidth: img.naturalWidth, width: img.getBoundingClientRect().width } : undefined;
  });
  await page.close();
  assert.equal(faces, ["Osservatorio Sans loaded"]);
  assert.equal(logo, { complete: true, naturalWidth: 180, width: 180 });
});

test("no sideways scrolling at 360 px; screenshots of the home page at 390 and 1280 px", async () => {
  const { browser, server } = await start();
  for (const width of [360, 390, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    for (const url of PAGES) {
      await page.goto(server.origin + url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.is(overflow, 0, `${url} at ${width}px`);
    }
    if (width !== 360) {
      await page.goto(server.origin + "/");
      await page.screenshot({ path: path.join(ROOT, `docs/screenshots/look-${width}.png`), fullPage: true, animations: "disabled" });
    }
    await page.close();
  }
});

test.run();
