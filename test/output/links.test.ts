import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LinkChecker, LinkState, type LinkResult } from "linkinator";
import { buildSite, allFiles } from "./build-site.ts";
import { freePort } from "../helpers/free-port.ts";

const { out, siteUrl } = buildSite();


const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("every internal link and fragment of every page resolves (linkinator, offline)", async () => {
  const port = await freePort();
  const local = `http://localhost:${port}`;
  const checker = new LinkChecker();
  const result = await checker.check({
    path: "**/*.html",
    serverRoot: out,
    port,
    recurse: true,
    checkFragments: true,
    checkCss: true,
    // Absolute links to the site itself (canonical, Open Graph, JSON-LD) are checked against the build;
    // links to other sites are not followed: the check runs offline.
    urlRewriteExpressions: [{ pattern: new RegExp(`^${escapeRegExp(siteUrl)}`), replacement: local }],
    linksToSkip: async (link) => !link.startsWith(local),
    concurrency: 50,
  });
  const broken = result.links.filter((l: LinkResult) => l.state === LinkState.BROKEN);
  const checked = result.links.filter((l: LinkResult) => l.state === LinkState.OK);
  console.log(`linkinator: ${checked.length} internal links checked, ${broken.length} broken`);
  assert.ok(checked.length > 500, `only ${checked.length} links were checked`);
  assert.equal(broken.map((l) => `${l.url} (status ${l.status ?? "?"}) on ${l.parent ?? "?"}`), []);
});

test("the link check can fail: a missing page and a missing fragment are reported", async () => {
  const checker = new LinkChecker();
  const dir = mkdtempSync(path.join(tmpdir(), "links-"));
  writeFileSync(path.join(dir, "index.html"), '<!DOCTYPE html><html lang="it"><title>x</title><a href="/manca/">a</a> <a href="#nessuno">b</a> <p id="qui">c</p> <a href="#qui">d</a></html>');
  const result = await checker.check({ path: "index.html", serverRoot: dir, recurse: true, checkFragments: true });
  rmSync(dir, { recursive: true, force: true });
  const broken = result.links.filter((l) => l.state === LinkState.BROKEN).map((l) => l.url);
  // linkinator reports local URLs relative to the folder it serves.
  assert.equal(broken.sort(), ["index.html#nessuno", "manca/"]);
});

test("every absolute site URL in the feeds and the sitemap is a page of the build", () => {
  const files = new Set(allFiles(out));
  const pattern = new RegExp(`${escapeRegExp(siteUrl)}(/[^"<\\s]*)`, "g");
  const missing = new Set<string>();
  let seen = 0;
  for (const file of [...files].filter((f) => f.endsWith(".xml"))) {
    for (const match of readFileSync(path.join(out, file), "utf8").matchAll(pattern)) {
      const urlPath = decodeURI((match[1] ?? "/").replace(/[#?].*$/, ""));
      seen++;
      const target = urlPath.endsWith("/") ? `${urlPath.slice(1)}index.html` : urlPath.slice(1);
      if (!files.has(target) && !existsSync(path.join(out, target))) missing.add(`${urlPath} (in ${file})`);
    }
  }
  assert.ok(seen > 1000, `only ${seen} URLs found`);
  assert.equal([...missing], []);
});

test.run();
