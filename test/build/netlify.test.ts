import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse as parseToml } from "@iarna/toml";
import { parseAllHeaders, type Header } from "@netlify/headers-parser";
import { parseAllRedirects } from "@netlify/redirect-parser";
import { parse as parseHtml } from "node-html-parser";
import { parse as parseYaml } from "yaml";
import { allFiles, buildFixture, isThemeScript, readOutput, ROOT } from "../helpers/build.ts";

// netlify.toml read with the parsers Netlify's build uses, then applied to every file of a real
// build (test/fixtures/basic) the way `netlify dev` matches header rules (`forRegExp`).
const TOML = path.join(ROOT, "netlify.toml");
const build = buildFixture("basic");
const files = allFiles(build.out);

interface NetlifyConfig {
  build: { command: string; publish: string; environment: Record<string, string> };
  plugins?: Array<{ package: string; inputs?: Record<string, unknown> }>;
}
const config = parseToml(readFileSync(TOML, "utf8")) as unknown as NetlifyConfig;

async function headerRules(): Promise<Header[]> {
  const { headers, errors } = await parseAllHeaders({ headersFiles: [], netlifyConfigPath: TOML, configHeaders: [], minimal: false });
  assert.equal(errors, [], "Netlify reads every header rule");
  return headers as Header[];
}

/** The URL a visitor asks for to get a file: x/index.html → /x/. */
const urlOf = (file: string) => `/${file}`.replace(/(^|\/)index\.html$/, "$1");

/** Every header value set for a URL, by lower-case name, with the rules that set it. */
function headersFor(rules: Header[], url: string): Map<string, Array<{ rule: string; value: string }>> {
  const found = new Map<string, Array<{ rule: string; value: string }>>();
  for (const rule of rules.filter((r) => r.forRegExp.test(url))) {
    for (const [name, value] of Object.entries(rule.values)) {
      const key = name.toLowerCase();
      found.set(key, [...(found.get(key) ?? []), { rule: rule.for, value }]);
    }
  }
  return found;
}
const single = (headers: Map<string, Array<{ value: string }>>, name: string) => headers.get(name)?.[0]?.value;

test("netlify.toml builds with the README's command, publishes _site, pins a Node that package.json accepts", () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string>; engines: { node: string } };
  assert.is(config.build.command, "npm run build");
  assert.ok(pkg.scripts.build, "package.json has the build script Netlify runs");
  assert.is(config.build.publish, "_site");
  const pinned = config.build.environment.NODE_VERSION ?? "";
  assert.match(pinned, /^\d+\.\d+\.\d+$/, "an exact version, not a range");
  const minimum = /^>=\s*(\d+)\.(\d+)/.exec(pkg.engines.node);
  const [major, minor] = pinned.split(".").map(Number);
  assert.ok(minimum && major === Number(minimum[1]) && (minor ?? 0) >= Number(minimum[2]), `${pinned} satisfies ${pkg.engines.node} on the same major`);
});

test("every file the build writes gets the security headers, and no header from two rules", async () => {
  assert.is(build.status, 0, build.output);
  const rules = await headerRules();
  for (const file of files) {
    const headers = headersFor(rules, urlOf(file));
    for (const [name, sets] of headers) assert.is(sets.length, 1, `${urlOf(file)}: ${name} set by ${sets.map((s) => s.rule).join(" and ")}, which Netlify would join`);
    const csp = single(headers, "content-security-policy") ?? "";
    const directive = (name: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? "";
    // Pagefind's search runs WebAssembly: 'wasm-unsafe-eval' allows that and nothing else (no eval, no inline script).
    assert.match(directive("script-src"), /^script-src 'self' 'wasm-unsafe-eval'$/, `${file}: scripts from the site only`);
    assert.match(directive("style-src"), /^style-src 'self'$/, `${file}: styles from the site only`);
    assert.not.match(csp, "unsafe-inline");
    assert.match(csp, "object-src 'none'");
    assert.match(csp, "frame-ancestors 'none'");
    assert.is(single(headers, "x-content-type-options"), "nosniff");
    assert.is(single(headers, "referrer-policy"), "strict-origin-when-cross-origin");
    assert.match(single(headers, "permissions-policy") ?? "", /camera=\(\).*geolocation=\(\).*microphone=\(\)/);
    const hsts = /max-age=(\d+)/.exec(single(headers, "strict-transport-security") ?? "");
    assert.ok(hsts && Number(hsts[1]) >= 31536000, `${file}: HSTS for a year`);
  }
});

test("the theme needs nothing the policy forbids: no inline script or style, stylesheets from the site", () => {
  for (const file of files.filter((f) => f.endsWith(".html"))) {
    const doc = parseHtml(readOutput(build.out, file));
    assert.equal(doc.querySelectorAll("script").filter((s) => !isThemeScript(file, s)).length, 0, `${file}: an inline or foreign script`);
    assert.is(doc.querySelectorAll("style, [style]").length, 0, `${file}: inline style`);
    for (const link of doc.querySelectorAll('link[rel="stylesheet"]')) assert.match(link.getAttribute("href") ?? "", /^\/(?!\/)/, `${file}: stylesheet from the site`);
  }
});

test("the stylesheet is fingerprinted: its name carries its hash, and only it is cached for a year", async () => {
  const rules = await headerRules();
  const hrefs = new Set(files.filter((f) => f.endsWith(".html")).flatMap((f) => parseHtml(readOutput(build.out, f)).querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute("href"))));
  assert.is(hrefs.size, 1, "every page links the same stylesheet");
  const href = [...hrefs][0] ?? "";
  const match = /^\/assets\/editoriale\.([0-9a-f]{10})\.css$/.exec(href);
  assert.ok(match, href);
  const css = readFileSync(path.join(build.out, href));
  assert.equal(css, readFileSync(path.join(ROOT, "_includes/assets/editoriale.css")), "the theme's stylesheet, unchanged");
  assert.is(createHash("sha256").update(css).digest("hex").slice(0, 10), match?.[1], "the name is the content's hash");
  assert.is(single(headersFor(rules, href), "cache-control"), "public, max-age=31536000, immutable");
  for (const file of files.filter((f) => `/${f}` !== href)) {
    assert.not.match(single(headersFor(rules, urlOf(file)), "cache-control") ?? "", "immutable", `${file} can change under its name`);
  }
});

test("HTML keeps Netlify's revalidation; feeds are RSS and revalidated too", async () => {
  const rules = await headerRules();
  const feeds = files.filter((f) => f.endsWith("feed.xml"));
  assert.ok(feeds.includes("feed.xml") && feeds.includes("tag/comuni/feed.xml"));
  for (const file of feeds) {
    const headers = headersFor(rules, urlOf(file));
    assert.is(single(headers, "content-type"), "application/rss+xml; charset=utf-8", file);
    assert.is(single(headers, "cache-control"), "public, max-age=0, must-revalidate", file);
  }
  for (const file of files.filter((f) => !f.endsWith("feed.xml"))) {
    assert.is(single(headersFor(rules, urlOf(file)), "content-type"), undefined, `${file}: Netlify's own type`);
  }
  for (const file of files.filter((f) => f.endsWith(".html"))) {
    // No rule: Netlify's default for every file, "public, max-age=0, must-revalidate".
    assert.is(single(headersFor(rules, urlOf(file)), "cache-control"), undefined, file);
  }
});

test("netlify.toml and the built _redirects read together without an error", async () => {
  const { errors, redirects } = await parseAllRedirects({ redirectsFiles: [path.join(build.out, "_redirects")], netlifyConfigPath: TOML, configRedirects: [], minimal: false });
  assert.equal(errors, []);
  assert.ok(redirects.length > 0);
});

// The build cache between deploys: a local build plugin using the cache Netlify gives every plugin.
interface FakeCache {
  calls: string[];
  cache: { restore(p: string): Promise<boolean>; save(p: string): Promise<boolean> };
}
function fakeCache(present: readonly string[]): FakeCache {
  const calls: string[] = [];
  return {
    calls,
    cache: {
      restore: async (p) => (calls.push(`restore ${p}`), present.includes(p)),
      save: async (p) => (calls.push(`save ${p}`), present.includes(p)),
    },
  };
}

test("netlify.toml runs the local cache plugin, whose manifest names it and whose folder holds it", () => {
  const plugins = config.plugins ?? [];
  assert.equal(plugins.map((p) => p.package), ["./netlify-plugins/editoriale-cache"]);
  const folder = path.join(ROOT, plugins[0]?.package ?? "");
  const manifest = parseYaml(readFileSync(path.join(folder, "manifest.yml"), "utf8")) as { name: string; inputs: Array<{ name: string }> };
  assert.is(manifest.name, "editoriale-cache");
  assert.equal(manifest.inputs.map((i) => i.name), ["paths"]);
  assert.ok(existsSync(path.join(folder, "index.js")));
});

test("the cache plugin restores Editoriale's cache and the published folder before the build, saves them after", async () => {
  const plugin = (await import(path.join(ROOT, "netlify-plugins/editoriale-cache/index.js"))) as {
    onPreBuild(o: unknown): Promise<void>;
    onPostBuild(o: unknown): Promise<void>;
  };
  const logged: string[] = [];
  const log = console.log;
  console.log = (line: string) => void logged.push(line);
  try {
    const before = fakeCache([".cache/editoriale"]);
    await plugin.onPreBuild({ inputs: {}, constants: { PUBLISH_DIR: config.build.publish }, utils: { cache: before.cache } });
    assert.equal(before.calls, ["restore .cache/editoriale", "restore _site"]);
    assert.equal(logged, ["[editoriale-cache] restored .cache/editoriale from Netlify's build cache", "[editoriale-cache] _site: nothing in Netlify's build cache (a first deploy, or the cache was cleared)"]);
    const after = fakeCache([".cache/editoriale", "_site"]);
    await plugin.onPostBuild({ inputs: {}, constants: { PUBLISH_DIR: config.build.publish }, utils: { cache: after.cache } });
    assert.equal(after.calls, ["save .cache/editoriale", "save _site"]);
    // The `paths` input replaces the default list; Netlify may give no constants.
    const chosen = fakeCache([]);
    await plugin.onPostBuild({ inputs: { paths: [".cache/editoriale"] }, utils: { cache: chosen.cache } });
    assert.equal(chosen.calls, ["save .cache/editoriale"]);
    const bare = fakeCache([]);
    await plugin.onPreBuild({ utils: { cache: bare.cache } });
    assert.equal(bare.calls, ["restore .cache/editoriale", "restore _site"]);
  } finally {
    console.log = log;
  }
});

test.after(() => rmSync(build.out, { recursive: true, force: true }));

test.run();
