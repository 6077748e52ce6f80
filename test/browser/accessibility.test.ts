import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Result } from "axe-core";
import { axe } from "./axe.ts";
import { SEED } from "./pages.ts";
import { serve } from "./serve.ts";
import { buildSite } from "../output/build-site.ts";
import { browserSession } from "./session.ts";


const session = browserSession();

test.after(async () => {
  // Only close what was opened: a session that failed to start has nothing to close.
  await session().then((s) => s.close(), () => undefined);
});

const describe = (url: string, scheme: string, violations: Result[]) =>
  violations.map((v) => `${url} (${scheme}): ${v.id} — ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);

test("axe-core: zero violations on one page of every type, light and dark, phone and desktop", async () => {
  const { browser, server, pages } = await session();
  const found: string[] = [];
  let checks = 0;
  // Light at phone and desktop width (layout rules: target size, reflow); dark once (contrast).
  const modes = [["light", 390], ["light", 1280], ["dark", 1280]] as const;
  for (const [colorScheme, width] of modes) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
    const page = await context.newPage();
    for (const { url } of pages) {
      await page.goto(server.origin + url);
      // The search page is checked with its results, filters and status line in place.
      if (url.startsWith("/cerca/")) await page.waitForSelector(".search-result", { timeout: 15_000 });
      found.push(...describe(url, `${colorScheme}, ${width}px`, await axe(page)));
      checks++;
    }
    await context.close();
  }
  console.log(`axe-core: ${pages.length} pages × ${modes.length} modes = ${checks} checks, ${found.length} violations`);
  assert.equal(found, []);
});

test("axe-core: zero violations on the English fixture (card and footer replaced, its own palette), every page type", async () => {
  const { browser } = await session();
  const { out } = buildSite("english", "eleventy.config.ts");
  const server = await serve(out);
  const urls = ["/", "/page/2/", "/tag/towns/", "/tag/towns/page/2/", "/area/poverty/", "/section/analysis/", "/author/giulia-martinelli/",
    "/co-design-in-small-towns/", "/alertcard-tom-jerrys-plan-bold/", "/tag/", "/area/", "/404.html"];
  const found: string[] = [];
  try {
    for (const [colorScheme, width] of [["light", 390], ["light", 1280], ["dark", 1280]] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const page = await context.newPage();
      for (const url of urls) {
        const response = await page.goto(server.origin + url);
        assert.ok(response?.ok(), `${url} answers`);
        assert.is(await page.getAttribute("html", "lang"), "en");
        found.push(...describe(url, `${colorScheme}, ${width}px`, await axe(page)));
      }
      await context.close();
    }
  } finally {
    await server.close();
  }
  console.log(`axe-core: English fixture, ${urls.length} pages × 3 modes, ${found.length} violations`);
  assert.equal(found, []);
});

test("axe does fail on an inaccessible page (this test can fail)", async () => {
  const { browser } = await session();
  const page = await browser.newPage();
  await page.setContent('<!DOCTYPE html><html><head><title>x</title></head><body><main><img src="x.png"><a href="/"></a><p style="color:#bbb;background:#fff">testo</p></main></body></html>');
  const ids = (await axe(page)).map((v) => v.id).sort();
  await page.close();
  assert.ok(ids.includes("image-alt") && ids.includes("link-name") && ids.includes("html-has-lang") && ids.includes("color-contrast"), ids.join(", "));
});

test("the missing-page URL answers with the Italian 404 page", async () => {
  const { browser, server } = await session();
  const page = await browser.newPage();
  const response = await page.goto(server.origin + "/questa-pagina-non-esiste/");
  assert.is(response?.status(), 404);
  assert.is(await page.locator("h1").textContent(), "Pagina non trovata");
  assert.is(await page.getAttribute("html", "lang"), "it-IT", "the site's language as site.json writes it");
  assert.equal(await axe(page), []);
  await page.close();
});

test("skip link: first Tab stop, visible when focused, moves focus to the main content", async () => {
  const { browser, server } = await session();
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  for (const url of ["/", SEED.article]) {
    await page.goto(server.origin + url);
    await page.keyboard.press("Tab");
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { cls: el.className, text: el.textContent, href: el.getAttribute("href"), top: box.top, height: box.height, width: box.width };
    });
    assert.is(skip.cls, "skip-link", url);
    assert.is(skip.text, "Vai al contenuto");
    assert.is(skip.href, "#contenuto");
    assert.ok(skip.top >= 0 && skip.height >= 24 && skip.width >= 24 && skip.top + skip.height <= 800, `${url}: visible when focused (${JSON.stringify(skip)})`);
    await page.keyboard.press("Enter");
    assert.is(await page.evaluate(() => document.activeElement?.id), "contenuto", `${url}: focus on <main>`);
    await page.keyboard.press("Tab");
    const next = await page.evaluate(() => {
      const main = document.querySelector("main");
      const active = document.activeElement;
      const first = main?.querySelector("a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])");
      return { inMain: Boolean(main && active && main.contains(active)), isFirst: active === first };
    });
    assert.ok(next.inMain && next.isFirst, `${url}: the next Tab goes to the first link of the content, not back to the header`);
  }
  // Not focused, the skip link is out of sight.
  await page.goto(server.origin + "/");
  const hidden = await page.evaluate(() => document.querySelector(".skip-link")!.getBoundingClientRect().bottom);
  assert.ok(hidden <= 0, "the skip link is hidden until focused");
  await page.close();
});

test("visible focus: every Tab stop of a page draws an outline of at least 2px", async () => {
  const { browser, server } = await session();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  for (const url of [SEED.intersection, SEED.article]) {
    await page.goto(server.origin + url);
    const stops = await page.evaluate(() => document.querySelectorAll("a[href], button, input, select, textarea").length);
    for (let i = 0; i < stops; i++) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return { what: el.outerHTML.slice(0, 80), outline: style.outlineStyle, width: parseFloat(style.outlineWidth), visible: el.matches(":focus-visible") };
      });
      assert.ok(focus.visible && focus.outline !== "none" && focus.width >= 2, `${url}: ${focus.what} has no visible focus (${JSON.stringify(focus)})`);
    }
  }
  await page.close();
});

test("aria-current: the page itself in navigation, pager and breadcrumb; its area when inside one", async () => {
  const { browser, server } = await session();
  const page = await browser.newPage();
  const current = async (selector: string) => page.locator(`${selector} [aria-current], ${selector}[aria-current]`).evaluateAll((els) => els.map((e) => `${e.getAttribute("href") ?? e.textContent} ${e.getAttribute("aria-current")}`));
  await page.goto(server.origin + "/area/terzo-settore/");
  assert.equal(await current(".main-nav"), ["/area/terzo-settore/ page"]);
  await page.goto(server.origin + SEED.intersection);
  assert.equal(await current(".main-nav"), ["/area/terzo-settore/ true"], "an intersection is inside its area, not the area page");
  assert.match((await current(".pager")).join("|"), /^Pagina 1 di \d+ page$/);
  assert.equal(await current(".breadcrumbs"), ["Post con tag “Comuni” page"]);
  await page.goto(server.origin + SEED.article);
  assert.equal(await current(".main-nav"), ["/area/terzo-settore/ true"]);
  assert.equal(await current(".dossier-box__parts"), ["Lecco. Una storia di coprogettazione page"]);
  await page.goto(server.origin + "/");
  assert.equal(await current(".site-name"), ["/ page"]);
  await page.goto(server.origin + "/page/2/");
  assert.equal(await current(".site-name"), ["/ true"]);
  await page.close();
});

test.run();
