import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import path from "node:path";
import { allFiles, buildFixture, page, readOutput, ROOT, text } from "../helpers/build.ts";

// test/fixtures/look: a palette for both schemes, font stacks, a font file from an installed package (playwright-core's
// codicon font: its package's `exports` do not list it, as is usual for font files), a logo of the project, a
// navigation and two footer columns, all in _data/editoriale.json.
const build = buildFixture("look");
const FONT = path.join(ROOT, "node_modules/playwright-core/lib/vite/recorder/assets/codicon-DCmgc-ay.ttf");
const LOGO = path.join(ROOT, "test/fixtures/look/assets/logo-osservatorio.svg");

const stylesheetHref = () => page(build.out, "/").querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "";

test("the build passes and says nothing about contrast for an AA palette", () => {
  assert.is(build.status, 0, build.output);
  assert.not.match(build.output, /contrast/);
});

test("one fingerprinted stylesheet: the theme's rules, then the site's palette for each scheme and its fonts", () => {
  const href = stylesheetHref();
  assert.match(href, /^\/assets\/editoriale\.[0-9a-f]{10}\.css$/);
  assert.equal(allFiles(build.out).filter((f) => /^assets\/editoriale\.[0-9a-f]{10}\.css$/.test(f)), [href.slice(1)]);
  const css = readOutput(build.out, href.slice(1));
  const theme = readFileSync(path.join(ROOT, "_includes/assets/editoriale.css"), "utf8");
  assert.ok(css.startsWith(theme), "the theme's stylesheet comes first, unchanged");
  const look = css.slice(theme.length);
  const block = (media: string) => {
    const body = new RegExp(`@media screen and \\(prefers-color-scheme: ${media}\\) \\{\\n  :root \\{\\n([^}]*)  \\}\\n\\}`).exec(look)?.[1] ?? "";
    return Object.fromEntries([...body.matchAll(/(--[\w-]+): (#[0-9a-f]+);/g)].map((m) => [m[1], m[2]]));
  };
  assert.equal(block("light"), {
    "--paper": "#fbfaf7", "--ink": "#14213d", "--rule-strong": "#14213d", "--ink-2": "#14213d", "--muted": "#56606b", "--link": "#1d4e89",
    "--accent": "#8a1c4a", "--accent-ink": "#ffffff", "--area": "#0b5d4f", "--paper-2": "#eef1f5", "--footer-bg": "#14213d", "--footer-ink": "#f1f3f7",
  });
  assert.equal(block("dark"), {
    "--paper": "#0e1624", "--ink": "#e8edf4", "--rule-strong": "#e8edf4", "--ink-2": "#e8edf4", "--muted": "#a7b0bb", "--link": "#9cc4ff",
    "--accent": "#f4a6c6", "--accent-ink": "#1a0a12", "--area": "#7fd8c6", "--paper-2": "#1a2536", "--footer-bg": "#080d16", "--footer-ink": "#e8edf4",
  });
  assert.match(look, /\n:root \{\n  --serif: "Osservatorio Sans", system-ui, sans-serif;\n  --sans: "Osservatorio Sans", system-ui, sans-serif;\n  --headings: Georgia, "DejaVu Serif", serif;\n\}\n/);
});

test("the font file is published under /assets/fonts/ with its bytes, and @font-face points at it from the stylesheet", () => {
  const fonts = allFiles(build.out).filter((f) => f.startsWith("assets/fonts/"));
  assert.equal(fonts.map((f) => f.replace(/\.[0-9a-f]{10}\./, ".HASH.")), ["assets/fonts/codicon-DCmgc-ay.HASH.ttf"]);
  assert.ok(readFileSync(path.join(build.out, fonts[0] ?? "")).equals(readFileSync(FONT)), "same bytes as the package's file");
  const css = readOutput(build.out, stylesheetHref().slice(1));
  const face = /@font-face \{\n  font-family: "Osservatorio Sans";\n  src: url\("([^"]+)"\) format\("truetype"\);\n  font-weight: 400;\n  font-style: normal;\n  font-display: swap;\n\}/.exec(css);
  assert.ok(face, "one @font-face rule for the font file");
  // Relative to the stylesheet, so that a path prefix needs no rewriting.
  assert.is(path.posix.join("assets", face?.[1] ?? ""), fonts[0]);
});

test("the logo is published under /assets/ with its bytes", () => {
  const logos = allFiles(build.out).filter((f) => /^assets\/logo\.[0-9a-f]{10}\.svg$/.test(f));
  assert.is(logos.length, 1);
  assert.ok(readFileSync(path.join(build.out, logos[0] ?? "")).equals(readFileSync(LOGO)));
});

const PAGES = ["/", "/centri-diurni/", "/chi-siamo/", "/area/terzo-settore/", "/tag/comuni/", "/404.html", "/cerca/"];

test("every page shows the logo as the link home, with its size and the site's name as its text alternative", () => {
  const logo = allFiles(build.out).find((f) => f.startsWith("assets/logo."));
  for (const url of PAGES) {
    const home = page(build.out, url).querySelectorAll(".site-header a.site-name");
    assert.is(home.length, 1, url);
    assert.is(home[0]?.getAttribute("href"), "/", url);
    assert.is(text(home[0]), "", `${url}: the image alone, no visible name beside it`);
    const images = home[0]?.querySelectorAll("img") ?? [];
    assert.is(images.length, 1, url);
    assert.equal(
      ["src", "width", "height", "alt"].map((a) => images[0]?.getAttribute(a)),
      [`/${logo}`, "180", "40", "Osservatorio Welfare Locale"],
      url,
    );
  }
});

test("the header's navigation is the site's entries, in order, the current one marked", () => {
  const nav = (url: string) =>
    page(build.out, url).querySelectorAll(".site-header nav.main-nav a").map((a) => `${text(a)} ${a.getAttribute("href")}${a.getAttribute("aria-current") ? ` [${a.getAttribute("aria-current")}]` : ""}`);
  assert.equal(nav("/"), ["Chi siamo /chi-siamo/", "Terzo settore /area/terzo-settore/", "Povertà /area/poverta/"]);
  assert.equal(nav("/chi-siamo/"), ["Chi siamo /chi-siamo/ [page]", "Terzo settore /area/terzo-settore/", "Povertà /area/poverta/"]);
  assert.equal(nav("/area/terzo-settore/"), ["Chi siamo /chi-siamo/", "Terzo settore /area/terzo-settore/ [page]", "Povertà /area/poverta/"]);
  // An article belongs to its area: "true", not "page".
  assert.equal(nav("/reddito-minimo/"), ["Chi siamo /chi-siamo/", "Terzo settore /area/terzo-settore/", "Povertà /area/poverta/ [true]"]);
  assert.equal(nav("/tag/comuni/"), ["Chi siamo /chi-siamo/", "Terzo settore /area/terzo-settore/", "Povertà /area/poverta/"]);
});

test("the footer has the site's columns after its own lists and before the feeds, on every page", () => {
  for (const url of PAGES) {
    const groups = page(build.out, url).querySelectorAll(".site-footer .site-footer__group");
    assert.equal(groups.map((g) => text(g.querySelector("h2"))), ["Sezioni", "Esplora", "L’osservatorio", "Reti", "Feed RSS"], url);
    const links = (i: number) => groups[i]?.querySelectorAll("a").map((a) => `${text(a)} ${a.getAttribute("href")}`);
    assert.equal(links(2), ["Chi siamo /chi-siamo/", "Scrivici mailto:redazione@osservatorio.example"], url);
    assert.equal(links(3), ["Rete dei comuni solidali https://rete.example/"], url);
  }
});

const low = buildFixture("look", { EDITORIALE_DATA: path.join(ROOT, "test/fixtures/look/_data-low-contrast") });

test("a low-contrast palette builds, with one notice a pair naming the options, the colours and the ratio", () => {
  assert.is(low.status, 0, low.output);
  const notices = low.output.split("\n").filter((l) => l.includes("has a contrast of"));
  const summary = (line: string) => /^\[editoriale\] (look\.\S+ #\w+)(?: \(bundled\))? on (look\.\S+ #\w+)(?: \(bundled\))? \(.*\) has a contrast of ([\d.]+):1, below the ([\d.]+):1 .*\. Fix: .+$/.exec(line)?.slice(1).join(" | ");
  assert.equal(notices.map(summary), [
    "look.colors.muted #777777 | look.colors.background #fff | 4.48 | 4.5",
    "look.colors.accent #e07a5f | look.colors.background #fff | 2.95 | 4.5",
    "look.colors.accentText #fff | look.colors.accent #e07a5f | 2.95 | 4.5",
    "look.colors.muted #777777 | look.colors.surface #f6f3ee | 4.05 | 4.5",
    "look.colors.accent #e07a5f | look.colors.surface #f6f3ee | 2.67 | 4.5",
    "look.darkColors.link #4a5a80 | look.darkColors.background #151413 | 2.69 | 4.5",
  ]);
});

test("a logo beside the visible name is decorative, and an empty navigation is no navigation", () => {
  for (const url of ["/", "/centri-diurni/"]) {
    const home = page(low.out, url).querySelector(".site-header a.site-name");
    assert.is(text(home), "Osservatorio Welfare Locale", url);
    assert.is(home?.querySelector("img")?.getAttribute("alt"), "", url);
    assert.match(home?.querySelector("img")?.getAttribute("src") ?? "", /^\/assets\/logo\.[0-9a-f]{10}\.svg$/);
    assert.is(page(low.out, url).querySelectorAll(".site-header nav").length, 0, url);
  }
});

test("without a logo or navigation of its own, the header is the bundled one: the name, and the areas", () => {
  const plain = buildFixture("small");
  assert.is(plain.status, 0, plain.output);
  const header = page(plain.out, "/").querySelector(".site-header");
  assert.is(header?.querySelectorAll("img").length, 0);
  assert.is(text(header?.querySelector("a.site-name")), "Piccolo");
  assert.ok((header?.querySelectorAll("nav.main-nav a").length ?? 0) > 0);
  assert.is(allFiles(plain.out).filter((f) => f.startsWith("assets/fonts/") || f.startsWith("assets/logo.")).length, 0);
  const href = page(plain.out, "/").querySelector('link[rel="stylesheet"]')?.getAttribute("href") ?? "";
  assert.is(readOutput(plain.out, href.slice(1)), readFileSync(path.join(ROOT, "_includes/assets/editoriale.css"), "utf8"), "the theme's stylesheet alone");
});

test.run();
