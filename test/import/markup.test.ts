import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { parse as parseHtml } from "node-html-parser";
import { createMarkdown } from "../../src/core/markdown.ts";
import { importWxr, type ImportReport } from "../../src/import/index.ts";
import { fixture, readMarkdown, tempDir } from "./helpers/tree.ts";

/**
 * Regression (issue 15): plain `<pre>` became paragraphs, multi-line
 * `<code>` one line, del/ins/abbr… lost their meaning, alignment classes and
 * text alignment were stripped and other styles dropped without a word.
 */
let dir = "";
let report: ImportReport;
const md = createMarkdown();
/** node-html-parser keeps a <pre>'s inside as raw text unless told otherwise. */
const parse = (html: string): ReturnType<typeof parseHtml> => parseHtml(html, { blockTextElements: { script: true, style: true } });

async function body(slug: string): Promise<string> {
  return (await readMarkdown(join(dir, "content/2020", `${slug}.md`))).body;
}

test.before(async () => {
  dir = await tempDir("markup");
  report = await importWxr({ file: fixture("markup.xml"), out: join(dir, "content"), data: join(dir, "_data"), timeZone: "Europe/Rome" });
});

test("classic editor: a poem in <pre> keeps its lines and blank line; <pre><code> keeps its language; <pre> with a link stays <pre>", async () => {
  const text = await body("forme-classiche");
  assert.ok(text.includes("```\nIl Comune apre la porta\n    e il Terzo settore entra\n\nchi resta fuori\n    aspetta il bando\n```"), text);
  assert.ok(text.includes("```text\nISEE = ISR / scala\nse ISEE < 6000:\n    accesso\n```"), text);
  assert.ok(text.includes('<pre>Bando aperto fino al 30 aprile\nvedi <a href="https://www.example.org/bando">il testo</a></pre>'), text);
  assert.ok(text.includes("```\nriga uno del modulo\nriga due del modulo\n```"), text);
  const html = parse(md.render(text));
  const pres = html.querySelectorAll("pre").map((pre) => pre.textContent);
  assert.equal(pres, [
    "Il Comune apre la porta\n    e il Terzo settore entra\n\nchi resta fuori\n    aspetta il bando\n",
    "ISEE = ISR / scala\nse ISEE < 6000:\n    accesso\n",
    "Bando aperto fino al 30 aprile\nvedi il testo",
    "riga uno del modulo\nriga due del modulo\n",
  ]);
  assert.is(html.querySelector("pre code.language-text")?.textContent, "ISEE = ISR / scala\nse ISEE < 6000:\n    accesso\n");
  assert.is(html.querySelectorAll("pre a[href='https://www.example.org/bando']").length, 1);
});

test("inline elements Markdown lacks stay HTML, each once, with abbr's title; dl stays a definition list", async () => {
  const html = parse(md.render(await body("forme-classiche")));
  const found = ["del", "s", "ins", "u", "q", "abbr", "sub", "sup", "cite", "kbd", "mark"].map((tag) => [tag, html.querySelectorAll(tag).map((el) => el.textContent)]);
  assert.equal(found, [
    ["del", ["tolte"]], ["s", ["superate"]], ["ins", ["aggiunte"]], ["u", ["sottolineate"]], ["q", ["citate"]], ["abbr", ["ISEE"]],
    ["sub", ["2"]], ["sup", ["3"]], ["cite", ["Rapporto 2019"]], ["kbd", ["Invio"]], ["mark", ["evidenziate"]],
  ]);
  assert.is(html.querySelector("abbr")?.getAttribute("title"), "Indicatore della situazione economica equivalente");
  assert.equal(html.querySelectorAll("dl dt, dl dd").map((el) => `${el.rawTagName}:${el.textContent}`), ["dt:RdC", "dd:Reddito di cittadinanza"]);
});

test("alignment: alignleft/aligncenter/alignwide/alignright and text-align become the theme's classes; nothing else of class or style survives", async () => {
  const classic = parse(md.render(await body("forme-classiche")));
  const block = parse(md.render(await body("allineamenti")));
  const classes = (root: ReturnType<typeof parse>): string[] => root.querySelectorAll("[class]").map((el) => `${el.rawTagName}.${el.getAttribute("class")}`);
  assert.equal(classes(classic), ["code.language-text", "img.align-left", "figure.align-center", "p.has-text-align-right"]);
  assert.equal(classes(block), ["p.has-text-align-center", "figure.align-wide", "figure.align-right", "h2.has-text-align-center"]);
  assert.is(block.querySelector("figure.align-right figcaption")?.textContent, "Il logo");
  assert.is(classic.querySelectorAll("[style]").length + block.querySelectorAll("[style]").length, 0);
});

test("styles with other meanings are dropped and reported by file; text-align alone is not reported (its class says it)", () => {
  assert.equal(report.warnings.filter((warning) => warning.includes("style")), [
    '2020/forme-classiche.md: style kept no meaning: <p style="color: #c00; font-weight: bold;"> (dropped)',
    '2020/allineamenti.md: style kept no meaning: <span style="font-size:20px"> (dropped)',
  ]);
});

test("Gutenberg block comments never leak into the Markdown or the page", async () => {
  const text = await body("allineamenti");
  assert.not.match(text, /wp:|<!--/);
  assert.not.match(md.render(text), /wp:|<!--/);
  assert.ok(text.includes("```\ncolonna A    colonna B\n---------    ---------\n12           34\n```"), text);
});

test.run();
