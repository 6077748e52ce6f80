import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { EditorialeError } from "../../src/core/errors.ts";
import { lookSchema } from "../../src/core/look.ts";
import { resolveLookFiles } from "../../src/eleventy/look-files.ts";
import { stylesheetAsset } from "../../src/eleventy/stylesheet.ts";

// A project with a font of its own, a logo, and a package whose `exports` do not list its font files (as playwright-core's do not).
const project = mkdtempSync(path.join(tmpdir(), "editoriale-look-"));
const write = (file: string, content: string | Uint8Array) => {
  mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  writeFileSync(path.join(project, file), content);
};
const fontBytes = Uint8Array.from([0x77, 0x4f, 0x46, 0x32, 1, 2, 3]);
write("fonts/Testo Sito.woff2", fontBytes);
write("media/logo.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
write("node_modules/@caratteri/serif/package.json", JSON.stringify({ name: "@caratteri/serif", exports: { ".": "./index.js" } }));
write("node_modules/@caratteri/serif/files/serif-latin-400-normal.woff2", Uint8Array.from([9, 8, 7]));
// A site in a subfolder finds the packages of the folders above it, as Node does.
mkdirSync(path.join(project, "sito"));

const look = (input: unknown) => lookSchema.parse(input);
const problemsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof EditorialeError) return error.problems.map((p) => `${p.code} ${p.file} → ${p.field}: ${p.message}. Fix: ${p.fix}`);
    throw error;
  }
  return [];
};

test("a project file and a package's file (past its exports) are published under /assets/ with hashed names and the same bytes", () => {
  const files = resolveLookFiles(
    look({
      fontFiles: [{ family: "Testo", file: "fonts/Testo Sito.woff2" }, { family: "Serif", file: "@caratteri/serif/files/serif-latin-400-normal.woff2" }],
      logo: { file: "media/logo.svg", width: 180, height: 40 },
    }),
    project,
  );
  assert.equal(files.fonts.map((f) => f.url.replace(/\.[0-9a-f]{10}\./, ".HASH.")), ["/assets/fonts/Testo-Sito.HASH.woff2", "/assets/fonts/serif-latin-400-normal.HASH.woff2"]);
  assert.equal([...(files.fonts[0]?.bytes ?? [])], [...fontBytes]);
  assert.equal([...(files.fonts[1]?.bytes ?? [])], [9, 8, 7]);
  assert.is(files.fonts[1]?.source, path.join(project, "node_modules/@caratteri/serif/files/serif-latin-400-normal.woff2"));
  assert.match(files.logo?.url ?? "", /^\/assets\/logo\.[0-9a-f]{10}\.svg$/);
  const fromSubfolder = resolveLookFiles(look({ fontFiles: [{ family: "Serif", file: "@caratteri/serif/files/serif-latin-400-normal.woff2" }] }), path.join(project, "sito"));
  assert.is(fromSubfolder.fonts[0]?.url, files.fonts[1]?.url);
});

test("the hash is of the content: another file gives another name, the same bytes the same", () => {
  write("fonts/copia.woff2", fontBytes);
  write("fonts/altro.woff2", Uint8Array.from([1]));
  const [a, b, c] = resolveLookFiles(look({ fontFiles: ["fonts/Testo Sito.woff2", "fonts/copia.woff2", "fonts/altro.woff2"].map((file) => ({ family: "T", file })) }), project).fonts;
  const hash = (url: string | undefined) => /\.([0-9a-f]{10})\./.exec(url ?? "")?.[1];
  assert.is(hash(a?.url), hash(b?.url));
  assert.is.not(hash(a?.url), hash(c?.url));
});

test("every missing or unusable file is reported in one run, naming the option and the fix", () => {
  const problems = problemsOf(() =>
    resolveLookFiles(
      look({
        fontFiles: [
          { family: "Inter", file: "@fontsource/inter/files/inter-latin-400-normal.woff2" },
          { family: "Locale", file: "./fonts/manca.woff2" },
          { family: "Foglio", file: "fonts/foglio.css" },
        ],
        logo: { file: "media/logo.bmp", width: 10, height: 10 },
      }),
      project,
    ),
  );
  assert.equal(problems, [
    `LOOK_FILE_MISSING editoriale options → look.fontFiles[0].file: "@fontsource/inter/files/inter-latin-400-normal.woff2" is neither a file of the project (${path.join(project, "@fontsource/inter/files/inter-latin-400-normal.woff2")}) nor a file of an installed package "@fontsource/inter". Fix: install the package (npm install @fontsource/inter) or correct the path (a package's file, or a path relative to the project folder)`,
    `LOOK_FILE_MISSING editoriale options → look.fontFiles[1].file: there is no file ${path.join(project, "fonts/manca.woff2")}. Fix: correct the path: it is relative to the project folder, where the build runs`,
    `LOOK_FILE_TYPE editoriale options → look.fontFiles[2].file: "fonts/foglio.css" is not a .woff2, .woff, .ttf, .otf file. Fix: name a file of one of these kinds`,
    `LOOK_FILE_TYPE editoriale options → look.logo.file: "media/logo.bmp" is not a .svg, .png, .jpg, .jpeg, .webp, .avif, .gif file. Fix: name a file of one of these kinds`,
  ]);
  assert.equal(problemsOf(() => resolveLookFiles(look({ logo: { file: "media/manca.svg", width: 1, height: 1 } }), project)).length, 1);
  // A folder is not a file.
  assert.match(problemsOf(() => resolveLookFiles(look({ fontFiles: [{ family: "X", file: "fonts.woff2" }] }), (mkdirSync(path.join(project, "fonts.woff2")), project)))[0] ?? "", /^LOOK_FILE_MISSING .*there is no file/);
});

test("the stylesheet is the theme's CSS and the look's block, fingerprinted on the final text, with the fonts relative to it", () => {
  write("tema.css", "body { color: var(--ink); }\n");
  const plain = stylesheetAsset(path.join(project, "tema.css"))();
  const site = { look: look({ colors: { text: "#102030" }, fontFiles: [{ family: "Testo", file: "fonts/Testo Sito.woff2" }] }), projectDir: project };
  const styled = stylesheetAsset(path.join(project, "tema.css"), site)();
  assert.is(plain?.css, "body { color: var(--ink); }\n");
  assert.match(plain?.href ?? "", /^\/assets\/tema\.[0-9a-f]{10}\.css$/);
  assert.is.not(styled?.href, plain?.href);
  assert.ok(styled?.css.startsWith("body { color: var(--ink); }\n\n/* ---------- The site's look"));
  const fontUrl = styled?.fonts[0]?.url ?? "";
  assert.match(styled?.css ?? "", new RegExp(`src: url\\("${fontUrl.replace("/assets/", "").replace(/\./g, "\\.")}"\\) format\\("woff2"\\);`));
  assert.match(styled?.css ?? "", /--ink: #102030;/);
  // An unchanged look gives the same address; a changed colour a new one.
  assert.is(stylesheetAsset(path.join(project, "tema.css"), site)()?.href, styled?.href);
  const other = stylesheetAsset(path.join(project, "tema.css"), { ...site, look: look({ ...site.look, colors: { text: "#102031" } }) })();
  assert.is.not(other?.href, styled?.href);
});

test.run();
