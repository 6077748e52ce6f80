import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { XMLValidator } from "fast-xml-parser";
import { parse } from "node-html-parser";
import { ROOT } from "../helpers/build.ts";

// test/fixtures/bad-input/<case>/content: one folder per editor's mistake, built alone with the
// shared site data in test/fixtures/bad-input/_data, by the real configuration (.eleventy.ts).
const FIXTURES = path.join(ROOT, "test/fixtures/bad-input");
const DATA = path.join(FIXTURES, "_data");
const temporary: string[] = [];
const tempDir = (label: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), `editoriale-${label}-`));
  temporary.push(dir);
  return dir;
};

interface Build {
  status: number | null;
  output: string;
  out: string;
}

/** `eleventy --config=.eleventy.ts --quiet --input=… --output=…`, as `npm run build` runs it; several at once. */
function build(command: string[], env: Record<string, string> = {}): Promise<Build> {
  const out = tempDir("out");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...command.map((arg) => arg.replace("{out}", out))], {
      cwd: ROOT,
      env: { ...process.env, TZ: "Europe/Rome", NO_COLOR: "1", EDITORIALE_DATA: DATA, ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (status) => resolve({ status, output, out }));
  });
}

const eleventy = (input: string) => ["node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--quiet", `--input=${input}`, "--output={out}"];

/** Runs every build at once (a few at a time) before the tests read them. */
async function buildAll(inputs: Record<string, string>): Promise<Map<string, Build>> {
  const names = Object.keys(inputs);
  const results = new Map<string, Build>();
  const workers = Array.from({ length: Math.max(2, Math.min(6, availableParallelism())) }, async () => {
    for (let name = names.shift(); name !== undefined; name = names.shift()) results.set(name, await build(eleventy(inputs[name] ?? "")));
  });
  await Promise.all(workers);
  return results;
}

interface Expected {
  file: string;
  field: string;
  says: RegExp;
}

/** Every case that must stop the build, with the problems it must report, one line each. */
const FAILING: Record<string, Expected[]> = {
  "missing-title": [{ file: "senza-titolo.md", field: "title", says: /^is missing$/ }],
  "empty-title": [{ file: "titolo-vuoto.md", field: "title", says: /^is empty$/ }],
  "title-wrong-type": [{ file: "titolo-numero.md", field: "title", says: /^must be text, not number 1968$/ }],
  "unparseable-date": [{ file: "data-illeggibile.md", field: "date", says: /^"29 marzo 2018" is not a real date$/ }],
  "impossible-date": [{ file: "data-impossibile.md", field: "date", says: /^"2023-02-30" is not a real date$/ }],
  "broken-yaml": [{ file: "yaml-rotto.md", field: "front matter", says: /^the YAML between the --- lines cannot be read \(near line 5 of the file\): Missing closing "quote$/ }],
  "empty-file": [{ file: "vuoto.md", field: "front matter", says: /^the file is empty$/ }],
  "no-front-matter": [{ file: "senza-intestazione.md", field: "front matter", says: /^the file does not start with front matter/ }],
  "duplicate-slug": [{ file: "uno.md", field: "slug", says: /^\/lecco\/ would be written by both .*due\.md and .*uno\.md$/ }],
  "duplicate-permalink": [{ file: "uno.md", field: "permalink", says: /^\/chi-siamo\/ would be written by both .*due\.md and .*uno\.md$/ }],
  "empty-tag-slug": [{ file: "tag-vuoto.md", field: "tags", says: /^“!!!” gives no letters or digits for its URL$/ }],
  "taxonomy-wrong-type": [{ file: "tag-mappa.md", field: "tags", says: /^must be a text or a list of texts, not a map$/ }],
  "permalink-outside": [{ file: "fuori.md", field: "permalink", says: /^“\/\.\.\/\.\.\/etc\/x\/” is not a path inside the site/ }],
  "alias-with-space": [{ file: "spazio.md", field: "aliases.0", says: /^“\/vecchio indirizzo\/” is not a path inside the site/ }],
  "duplicate-alias": [{ file: "uno.md", field: "aliases", says: /^\/2018\/03\/lecco\/ already redirects to \/como\/ \(.*due\.md\)$/ }],
  "duplicate-wp-id": [{ file: "uno.md", field: "wp_id", says: /^\/\?p=1234 already redirects to \/como\/ \(.*due\.md\)$/ }],
  "alias-is-a-page": [{ file: "como.md", field: "aliases", says: /^\/lecco\/ is the address of .*lecco\.md, so it cannot also redirect to \/como\/$/ }],
  "article-at-feed-address": [{ file: "feed.md", field: "slug", says: /^\/feed\/, this article's address, is WordPress's feed address of the archive “Gli ultimi articoli”/ }],
  "slug-dot-dot": [{ file: "punti.md", field: "slug", says: /^"\.\." may have only lower-case letters, digits, dashes and underscores$/ }],
  "permalink-other-host": [{ file: "altro-host.md", field: "permalink", says: /^“\/\/greek\/x\/” is not a path inside the site \(it starts with \/\/, which means another host\)$/ }],
  "order-negative": [{ file: "ordine.md", field: "order", says: /^must be a whole number ≥ 0, not number -1$/ }],
  "bad-dates": [
    { file: "anno-zero.md", field: "date", says: /^"0000-01-01" is outside the years 1–9999 that dates may have$/ },
    { file: "ora-24.md", field: "date", says: /^"2024-03-01T24:00" has hour 24, which is the next day's midnight$/ },
    { file: "ora-legale.md", field: "date", says: /^"2024-03-31T02:30" does not exist in Europe\/Rome: on 2024-03-31 the clocks jump from 02:00 to 03:00$/ },
  ],
  "dossier-bad-name": [
    { file: "il-punto/Chi siamo?.md", field: "(file name)", says: /^the file name of a dossier is its address \(\/il-punto\/<file name>\/\), and "Chi siamo\?" may have only lower-case letters/ },
    { file: "il-punto/%2e%2e.md", field: "(file name)", says: /^the file name of a dossier is its address .*"%2e%2e" may have only/ },
    { file: "il-punto/sez#1.md", field: "(file name)", says: /^the file name of a dossier is its address .*"sez#1" may have only/ },
  ],
  // Made at run time in a temporary folder (below): bytes that are not UTF-8, links to nothing, a pipe.
  "unreadable-files": [
    { file: "latino.md", field: "(file)", says: /^the file is not UTF-8 text; it looks like Windows-1252\/Latin-1 .*\(the first such byte, 0xE9, is on line 2\)$/ },
    { file: "utf16.md", field: "(file)", says: /^the file is not UTF-8 text; it looks like UTF-16$/ },
    { file: "collegamento-rotto.md", field: "(file)", says: /is a link to nothing \(ENOENT\)$/ },
    { file: "collegamento-circolare.md", field: "(file)", says: /^a symbolic link points, through other links, back to itself \(ELOOP\)$/ },
    { file: "tubo.md", field: "(file)", says: /^this is not a regular file but a pipe, socket or device$/ },
    { file: "cartella.md", field: "(file)", says: /^a folder is where a \.md file was expected \(EISDIR\)$/ },
  ],
  "several-bad-files": [
    { file: "senza-titolo.md", field: "title", says: /^is missing$/ },
    { file: "data-impossibile.md", field: "date", says: /^"2023-02-30" is not a real date$/ },
    { file: "yaml-rotto.md", field: "front matter", says: /^the YAML between the --- lines cannot be read/ },
    { file: "tag-mappa.md", field: "tags", says: /^must be a text or a list of texts, not a map$/ },
  ],
};

/** A problem as the editor reads it: `<file> → <field>: <message>. Fix: <fix>`, one line. */
interface ProblemLine {
  line: string;
  file: string;
  field: string;
  message: string;
  fix: string;
}

function problemLines(output: string): ProblemLine[] {
  const lines: ProblemLine[] = [];
  for (const raw of output.split("\n")) {
    // Colour codes, should the terminal ask for them despite NO_COLOR.
    const line = raw.replace(/\u001b\[[0-9;]*m/g, "").replace(/^\[11ty\]/, "").trim();
    const match = /^(\S.*?) → (.+?): (.*)\. Fix: (.+)$/.exec(line);
    if (match) lines.push({ line, file: match[1] ?? "", field: match[2] ?? "", message: match[3] ?? "", fix: match[4] ?? "" });
  }
  return lines;
}

// The 5 MB article is written at test time, not committed.
const big = tempDir("big-input");
mkdirSync(path.join(big, "content"));
const chapter = (i: number) => `## Capitolo ${i}\n\n${"Il welfare locale, i Comuni e il Terzo settore lavorano insieme. ".repeat(12)}\n\n`;
writeFileSync(
  path.join(big, "content/articolo-enorme.md"),
  `---\ntitle: "Un articolo enorme"\ndate: 2020-01-01\ntags: ["Comuni"]\n---\n${Array.from({ length: 6600 }, (_, i) => chapter(i + 1)).join("")}Ultima riga dell'articolo.\n`,
);

// Cases git cannot hold, or that are clearer generated: made in a temporary <dir>/<case>/content.
const generated = tempDir("generated");
const RUNTIME: Record<string, string> = {};
{
  const content = path.join(generated, "unreadable-files", "content");
  mkdirSync(content, { recursive: true });
  // “Perché la povertà” saved as Windows-1252: é and à are the single bytes 0xE9 and 0xE0.
  writeFileSync(path.join(content, "latino.md"), Buffer.from('---\ntitle: "Perch\xe9 la povert\xe0"\ndate: 2020-01-01\n---\nTesto.\n', "latin1"));
  writeFileSync(path.join(content, "utf16.md"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: "Welfare"\ndate: 2020-01-01\n---\nTesto.\n', "utf16le")]));
  symlinkSync("non-esiste.md", path.join(content, "collegamento-rotto.md"));
  symlinkSync("collegamento-circolare.md", path.join(content, "collegamento-circolare.md"));
  execFileSync("mkfifo", [path.join(content, "tubo.md")]);
  mkdirSync(path.join(generated, "una-cartella"));
  symlinkSync(path.join(generated, "una-cartella"), path.join(content, "cartella.md"));
  RUNTIME["unreadable-files"] = content;
}
// A title whose slug would be 399 characters (ENAMETOOLONG as a folder name once it passes 255 bytes).
const LONG_WORDS = Array.from({ length: 40 }, (_, i) => `parola${String(i).padStart(3, "0")}`);
const longTitle = path.join(generated, "long-title", "content");
mkdirSync(longTitle, { recursive: true });
writeFileSync(path.join(longTitle, "titolo-lungo.md"), `---\ntitle: "${LONG_WORDS.join(" ")}"\ndate: 2020-01-01\n---\nUn titolo lunghissimo.\n`);
// C1 controls and noncharacters in the title, a tag and the body (a Windows-1252 text once read as Latin-1 leaves U+0080–U+009F).
const STRAY = "\u0085\u0092\u009F\uFDD0\uFFFE" + String.fromCodePoint(0x1fffe, 0x10ffff);
const strayChars = path.join(generated, "stray-characters", "content");
mkdirSync(strayChars, { recursive: true });
writeFileSync(
  path.join(strayChars, "caratteri.md"),
  `---\ntitle: "Welfare${STRAY} locale"\ndate: 2020-01-01\ntags: ["Comuni${STRAY}"]\n---\nIl Comune${STRAY} e il terzo settore.\n`,
);
// Permission denied can be tested only when not root (root reads a chmod 000 file).
const asRoot = process.getuid?.() === 0;
const unreadable = path.join(generated, "permission-denied", "content");
if (!asRoot) {
  mkdirSync(path.join(unreadable, "chiusa"), { recursive: true });
  writeFileSync(path.join(unreadable, "chiuso.md"), "---\ntitle: Chiuso\ndate: 2020-01-01\n---\nTesto.\n");
  chmodSync(path.join(unreadable, "chiuso.md"), 0o000);
  chmodSync(path.join(unreadable, "chiusa"), 0o000);
}

const caseInput = (name: string) => RUNTIME[name] ?? path.join(FIXTURES, name, "content");
const builds = await buildAll({
  ...Object.fromEntries(Object.keys(FAILING).map((name) => [name, caseInput(name)])),
  bom: caseInput("bom"),
  crlf: caseInput("crlf"),
  big: path.join(big, "content"),
  "long-title": longTitle,
  "stray-characters": strayChars,
  ...(asRoot ? {} : { "permission-denied": unreadable }),
});
const built = (name: string): Build => {
  const result = builds.get(name);
  if (!result) throw new Error(`no build for ${name}`);
  return result;
};
const page = (out: string, url: string) => parse(readFileSync(path.join(out, url, "index.html"), "utf8"));

for (const [name, expected] of Object.entries(FAILING)) {
  test(`${name}: stops the build with one line per problem naming file, field and fix`, () => {
    const { status, output, out } = built(name);
    const lines = problemLines(output);
    console.log(`\n  ${name} (exit ${status}):\n${lines.map((l) => `    ${l.line}`).join("\n")}`);
    assert.is(status, 1, output);
    assert.not.match(output, "Original error stack trace", "no stack trace");
    assert.not.match(output, /^\s*(\[11ty\]\s*)?at .+:\d+:\d+\)?$/m, "no stack frame");
    assert.is(lines.length, expected.length, `one line per problem:\n${output}`);
    for (const want of expected) {
      const found = lines.filter((l) => l.file.endsWith(`/${name}/content/${want.file}`) && l.field === want.field);
      assert.is(found.length, 1, `${want.file} → ${want.field} reported once:\n${output}`);
      const [line] = found;
      assert.match(line?.message ?? "", want.says);
      assert.ok((line?.fix.length ?? 0) > 10, "the line says what to do");
      // Eleventy would print it twice (where the build fails, and again on exit): once is enough.
      assert.is(output.split(line?.line ?? "").length - 1, 1, `printed once:\n${output}`);
    }
    assert.not.ok(existsSync(path.join(out, "index.html")), "no site written");
  });
}

test("regression: a title whose slug passes 255 bytes builds (no ENAMETOOLONG), its slug cut at a dash, with a notice naming the file", () => {
  const { status, output, out } = built("long-title");
  assert.is(status, 0, output);
  const slug = LONG_WORDS.slice(0, 20).join("-");
  assert.is(slug.length, 199);
  const notices = output.split("\n").filter((l) => l.includes("slug shortened to"));
  assert.is(notices.length, 1, output);
  assert.match(notices[0] ?? "", new RegExp(`long-title/content/titolo-lungo\\.md: the title's slug is longer than 200 characters; slug shortened to “${slug}”; set \`slug:\` to choose$`));
  assert.is(page(out, slug).querySelector("h1")?.text, LONG_WORDS.join(" "));
});

test("C1 controls and noncharacters never reach the page, the feed or a URL", () => {
  const { status, output, out } = built("stray-characters");
  assert.is(status, 0, output);
  const stray = /[\u0080-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|\u{1FFFE}|\u{10FFFF}/u;
  const doc = page(out, "welfare-locale");
  assert.is(doc.querySelector("h1")?.text, "Welfare locale");
  assert.is(doc.querySelector(".article__body p")?.text, "Il Comune e il terzo settore.");
  for (const file of ["welfare-locale/index.html", "feed.xml", "tag/comuni/index.html", "tag/comuni/feed.xml"]) {
    assert.not.match(readFileSync(path.join(out, file), "utf8"), stray, file);
  }
});

test("permission denied on a file and on a folder: one line each, no stack trace (only when not root)", () => {
  if (asRoot) {
    console.log("\n  permission-denied: skipped as root (root reads chmod 000 files); links, pipes and encodings are tested above");
    return;
  }
  const { status, output } = built("permission-denied");
  const lines = problemLines(output);
  assert.is(status, 1, output);
  assert.not.match(output, /^\s*(\[11ty\]\s*)?at .+:\d+:\d+\)?$/m, "no stack frame");
  assert.equal(lines.map((l) => `${path.basename(l.file)} → ${l.field}: ${l.message}`), [
    "chiusa → (file): the folder cannot be read: permission denied (EACCES)",
    "chiuso.md → (file): the file cannot be read: permission denied (EACCES)",
  ]);
});

test("regression: --input=does-not-exist is one line, no stack trace (npm run build)", async () => {
  const result = await build(["scripts/build.ts", "--input=does-not-exist", "--output={out}/_site"]);
  assert.is(result.status, 1, result.output);
  assert.not.match(result.output, /^\s*(\[11ty\]\s*)?at .+:\d+:\d+\)?$/m, "no stack frame");
  assert.match(result.output, /^npm run build → --input=does-not-exist: .*does not exist\. Fix: /m);
});

test("permalink-outside: nothing is written outside the output folder", () => {
  const { out } = built("permalink-outside");
  assert.not.ok(existsSync(path.join(out, "etc/x/index.html")));
  assert.not.ok(existsSync(path.resolve(out, "../../etc/x/index.html")));
});

test("bom: a file saved with a UTF-8 byte order mark builds like any other", () => {
  const { status, output, out } = built("bom");
  console.log(`\n  bom (exit ${status}): builds`);
  assert.is(status, 0, output);
  assert.equal(readFileSync(path.join(FIXTURES, "bom/content/con-bom.md")).subarray(0, 3), Buffer.from([0xef, 0xbb, 0xbf]), "the fixture has its BOM");
  const doc = page(out, "con-bom");
  assert.is(doc.querySelector("h1")?.text, "Con BOM");
  assert.ok(existsSync(path.join(out, "tag/comuni/index.html")), "its tag is read");
});

test("crlf: a file with Windows line ends builds like any other", () => {
  const { status, output, out } = built("crlf");
  console.log(`\n  crlf (exit ${status}): builds`);
  assert.is(status, 0, output);
  assert.ok(readFileSync(path.join(FIXTURES, "crlf/content/fine-riga-windows.md"), "utf8").includes("\r\n"), "the fixture has CRLF");
  const doc = page(out, "fine-riga-windows");
  assert.is(doc.querySelector("h1")?.text, "Fine riga Windows");
  assert.is(doc.querySelector('meta[name="description"]')?.getAttribute("content"), "Riassunto CRLF");
  assert.equal(doc.querySelectorAll(".article__body p").map((p) => p.text), ["Primo paragrafo.", "Secondo paragrafo."]);
  assert.ok(existsSync(path.join(out, "tag/comuni/index.html")) && existsSync(path.join(out, "tag/lecco/index.html")), "both tags are read");
});

test("a 5 MB article builds whole: its page, and a feed that is still XML", () => {
  const { status, output, out } = built("big");
  console.log(`\n  5 MB article (exit ${status}): builds`);
  assert.is(status, 0, output);
  const FIVE_MB = 5 * 1024 * 1024;
  assert.ok(statSync(path.join(big, "content/articolo-enorme.md")).size > FIVE_MB);
  const html = readFileSync(path.join(out, "un-articolo-enorme/index.html"), "utf8");
  assert.ok(html.length > FIVE_MB);
  const doc = parse(html);
  assert.is(doc.querySelectorAll(".article__body h2").length, 6600);
  assert.is(doc.querySelector(".article__body p:last-child")?.text, "Ultima riga dell'articolo.");
  const feed = readFileSync(path.join(out, "feed.xml"), "utf8");
  assert.is(XMLValidator.validate(feed), true);
  assert.ok(feed.includes("Ultima riga dell&#39;articolo.") || feed.includes("Ultima riga dell'articolo."), "the feed carries the whole article");
});

test("scripts/build.ts: a failed build leaves the previous site in place; a good one replaces it whole", async () => {
  const site = path.join(tempDir("atomic"), "_site");
  const script = ["scripts/build.ts", `--output=${site}`];
  const good = await build([...script, `--input=${caseInput("bom")}`]);
  assert.is(good.status, 0, good.output);
  writeFileSync(path.join(site, "left-from-before.txt"), "an old file");
  const before = readFileSync(path.join(site, "con-bom/index.html"), "utf8");

  const bad = await build([...script, `--input=${caseInput("missing-title")}`]);
  assert.is(bad.status, 1, bad.output);
  assert.match(bad.output, "still holds the previous build");
  assert.is(readFileSync(path.join(site, "con-bom/index.html"), "utf8"), before, "the previous site is untouched");
  assert.ok(existsSync(path.join(site, "left-from-before.txt")));
  assert.equal(readdirSync(path.dirname(site)), ["_site"], "no half-written folder is left beside it");

  const again = await build([...script, `--input=${caseInput("crlf")}`]);
  assert.is(again.status, 0, again.output);
  assert.ok(existsSync(path.join(site, "fine-riga-windows/index.html")));
  assert.not.ok(existsSync(path.join(site, "con-bom/index.html")), "pages of articles gone since are gone");
  assert.not.ok(existsSync(path.join(site, "left-from-before.txt")));
  assert.equal(readdirSync(path.dirname(site)), ["_site"]);
});

test.after(() => {
  if (!asRoot) for (const locked of [path.join(unreadable, "chiuso.md"), path.join(unreadable, "chiusa")]) chmodSync(locked, 0o755);
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

test.run();
