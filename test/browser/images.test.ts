import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import TOML from "@iarna/toml";
import type { AxeResults, RunOptions } from "axe-core";
import { ROOT } from "../helpers/build.ts";
import { fulfillWithHeaders, launchChromium } from "./chromium.ts";
import { serve } from "./serve.ts";

// Responsive pictures in a real browser: under the site's CSP, every picture loads, Chromium picks the AVIF
// file that fits the viewport, and the pages with images have no accessibility violation.

const work = mkdtempSync(path.join(tmpdir(), "editoriale-images-browser-"));
const out = path.join(work, "out");
const fixture = path.join(ROOT, "test/fixtures/images/site");
const built = spawnSync(
  process.execPath,
  ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--quiet", `--input=${path.join(fixture, "content")}`, `--output=${out}`],
  { cwd: ROOT, encoding: "utf8", env: { ...process.env, TZ: "Europe/Rome", EDITORIALE_DATA: path.join(fixture, "_data"), EDITORIALE_IMAGE_CACHE: path.join(work, "cache") } },
);

const config = TOML.parse(readFileSync(path.join(ROOT, "netlify.toml"), "utf8")) as { headers?: Array<{ for: string; values: Record<string, string> }> };
const CSP = config.headers?.find((h) => h.for === "/*")?.values["Content-Security-Policy"] ?? "";
const TYPES: Record<string, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg", png: "image/png", gif: "image/gif", svg: "image/svg+xml" };
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
  resultTypes: ["violations"],
};

test("pictures load under netlify.toml's CSP; Chromium takes the AVIF that fits; no axe violation (phone and desktop)", async () => {
  assert.is(built.status, 0, built.stderr);
  assert.ok(CSP.includes("img-src"), "netlify.toml's CSP has img-src");
  const server = await serve(out);
  const browser = await launchChromium();
  try {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      // The host's headers: the CSP on every response, and image types the test server does not know.
      await context.route("**/*", async (route) => {
        // No network: the remote image of the fixture is refused here, not fetched.
        if (!route.request().url().startsWith(server.origin)) return route.abort();
        await fulfillWithHeaders(route, (url) => {
          const type = TYPES[url.pathname.split(".").pop() ?? ""];
          return { "content-security-policy": CSP, ...(type ? { "content-type": type } : {}) };
        });
      });
      const page = await context.newPage();
      const refused: string[] = [];
      page.on("console", (m) => {
        if (/Content.Security.Policy|Refused/i.test(m.text())) refused.push(m.text());
      });
      for (const url of ["/municipio/", "/grafici/", "/"]) {
        await page.goto(server.origin + url, { waitUntil: "load" });
        // Lazy images load when near the viewport: scroll each into view, then wait for it.
        const images = await page.$$eval("img", (list) => list.map((img) => img.getAttribute("src") ?? ""));
        for (let i = 0; i < images.length; i++) {
          await page.locator("img").nth(i).scrollIntoViewIfNeeded();
          await page.waitForFunction((n) => { const img = document.images[n]; return img !== undefined && img.complete; }, i);
        }
        const loaded = await page.$$eval("img", (list) =>
          list.map((img) => ({ src: img.getAttribute("src") ?? "", current: new URL(img.currentSrc || img.src).pathname, ok: img.naturalWidth > 0 })),
        );
        const local = loaded.filter((l) => !l.src.startsWith("https://esempio.example/"));
        assert.ok(local.length > 0, url);
        for (const l of local) assert.ok(l.ok, `${url} ${width}px: ${l.current} did not load`);
        for (const l of local.filter((x) => x.src.startsWith("/img/"))) assert.match(l.current, /^\/img\/.+\.avif$/, `${url} ${width}px picks AVIF`);
        if (url === "/municipio/") {
          const featured = loaded[0]?.current ?? "";
          // 360 px at 1×: 100vw → the 400 px file; 1280 px: 40rem (640 px) → the 800 px file.
          assert.match(featured, width === 360 ? /^\/img\/municipio-[0-9a-f]{10}-400\.avif$/ : /^\/img\/municipio-[0-9a-f]{10}-800\.avif$/, `${width}px`);
        }
      }
      assert.equal(refused, []);
      await context.close();
      // axe is injected as an inline script, which the CSP forbids: a context without it.
      const open = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      await open.route("**/*", (route) => (route.request().url().startsWith(server.origin) ? route.continue() : route.abort()));
      const axePage = await open.newPage();
      for (const url of ["/municipio/", "/grafici/", "/"]) {
        await axePage.goto(server.origin + url, { waitUntil: "load" });
        await axePage.addScriptTag({ content: AXE_SOURCE });
        const results = await axePage.evaluate(
          (options) => (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe.run(document, options),
          AXE_OPTIONS,
        );
        assert.equal(results.violations.map((v) => `${url} ${width}px: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), []);
      }
      await open.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
