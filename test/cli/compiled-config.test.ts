import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CODE_CACHE_DIR, compiledConfig, copySpecifier, outputName } from "../../src/cli/compiled-config.ts";

// The JavaScript copy of a project's configuration that `npm run build` gives Eleventy (src/cli/compiled-config.ts),
// made for a small project of its own: a configuration, modules it imports, a re-export, a type, JSON, `import.meta`.

const project = mkdtempSync(path.join(tmpdir(), "editoriale-compiled-"));
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  writeFileSync(path.join(project, file), text);
};
write("package.json", '{ "type": "module" }\n');
write(
  "config.ts",
  `import { where, word } from "./lib/where.ts";
import type { Shape } from "./lib/shape.ts";
import data from "./lib/data.json" with { type: "json" };
export { twice } from "./lib/twice.ts";
const shape: Shape = { side: 2 };
export const seen = { where: where(), dirname: import.meta.dirname, url: import.meta.url, word, side: shape.side, name: data.name, text: "from './lib/where.ts' stays as written" };
`,
);
write("lib/where.ts", `export const where = (): string => import.meta.filename;\nexport const word: string = "uno";\n`);
write("lib/shape.ts", `export interface Shape { side: number }\n`);
write("lib/twice.ts", `export function twice(n: number): number { return n * 2; }\n`);
write("lib/data.json", `{ "name": "dati" }\n`);

const noEsbuild = () => Promise.reject(new Error("esbuild was loaded"));

test("the copy runs as the sources would, each module in its own place for import.meta", async () => {
  const made = await compiledConfig(project, "config.ts");
  assert.ok("config" in made, JSON.stringify(made));
  if (!("config" in made)) return;
  assert.ok(made.config.startsWith(path.join(project, CODE_CACHE_DIR)), made.config);
  assert.ok(made.config.endsWith(`${path.sep}config.mjs`), made.config);
  const copy = (await import(pathToFileURL(made.config).href)) as { seen: Record<string, unknown>; twice: (n: number) => number };
  assert.equal(copy.seen, {
    where: path.join(project, "lib/where.ts"),
    dirname: project,
    url: pathToFileURL(path.join(project, "config.ts")).href,
    word: "uno",
    side: 2,
    name: "dati",
    text: "from './lib/where.ts' stays as written",
  });
  assert.is(copy.twice(21), 42);
});

test("an unchanged project reuses the copy without loading esbuild", async () => {
  const first = await compiledConfig(project, "config.ts");
  const again = await compiledConfig(project, "config.ts", noEsbuild);
  assert.equal(again, first);
});

test("an edited module makes a new copy with the edit", async () => {
  const before = await compiledConfig(project, "config.ts");
  write("lib/where.ts", `export const where = (): string => import.meta.filename;\nexport const word: string = "due";\n`);
  // A changed file is never served from the old copy: with no esbuild, there is no copy at all.
  const blocked = await compiledConfig(project, "config.ts", noEsbuild);
  assert.ok("fallback" in blocked);
  const after = await compiledConfig(project, "config.ts");
  assert.ok("config" in after && "config" in before);
  if (!("config" in after) || !("config" in before)) return;
  assert.is.not(after.config, before.config);
  const copy = (await import(pathToFileURL(after.config).href)) as { seen: { word: string } };
  assert.is(copy.seen.word, "due");
});

test("a module that does not compile leaves the build to tsx, naming the file", async () => {
  write("lib/twice.ts", `export function twice(n: number): number { return n * ; }\n`);
  const made = await compiledConfig(project, "config.ts");
  assert.ok("fallback" in made, JSON.stringify(made));
  if ("fallback" in made) assert.match(made.fallback, /twice\.ts/);
  write("lib/twice.ts", `export function twice(n: number): number { return n * 2; }\n`);
  assert.ok("config" in (await compiledConfig(project, "config.ts")));
});

test("a damaged manifest is not trusted: the copy is made again", async () => {
  const manifest = path.join(project, CODE_CACHE_DIR, "manifest.json");
  writeFileSync(manifest, "{ not json");
  assert.ok("fallback" in (await compiledConfig(project, "config.ts", noEsbuild)));
  writeFileSync(manifest, JSON.stringify({ made: "1/node20", root: project, dir: "../../escape", config: "config.ts", files: {} }));
  assert.ok("fallback" in (await compiledConfig(project, "config.ts", noEsbuild)));
  const again = await compiledConfig(project, "config.ts");
  assert.ok("config" in again, JSON.stringify(again));
  assert.ok(JSON.parse(readFileSync(manifest, "utf8")).dir !== "../../escape");
});

test("a project moved to another folder gets a copy of its own (the copy holds its sources' paths)", async () => {
  const moved = mkdtempSync(path.join(tmpdir(), "editoriale-compiled-moved-"));
  cpSync(project, moved, { recursive: true });
  // The manifest came along, with every file's hash unchanged: it is still not the moved project's copy.
  assert.ok("fallback" in (await compiledConfig(moved, "config.ts", noEsbuild)));
  const made = await compiledConfig(moved, "config.ts");
  assert.ok("config" in made);
  if (!("config" in made)) return;
  const copy = (await import(pathToFileURL(made.config).href)) as { seen: { dirname: string } };
  assert.is(copy.seen.dirname, moved);
  rmSync(moved, { recursive: true, force: true });
});

test("copies of other versions are left alone for an hour, then removed", async () => {
  const cache = path.join(project, CODE_CACHE_DIR);
  mkdirSync(path.join(cache, "recent"));
  write("lib/twice.ts", `export function twice(n: number): number { return 2 * n; }\n`);
  await compiledConfig(project, "config.ts");
  const names = readdirSync(cache);
  assert.ok(names.includes("recent"), names.join(" "));
  // No temporary folders are left behind.
  assert.not.ok(names.some((n) => n.endsWith(".tmp")), names.join(" "));
});

test("a CommonJS module, or one outside the project, leaves the build to tsx", async () => {
  const other = mkdtempSync(path.join(tmpdir(), "editoriale-compiled-cjs-"));
  writeFileSync(path.join(other, "package.json"), "{}\n");
  writeFileSync(path.join(other, "config.js"), `const x = require("./x.js");\nmodule.exports = x;\n`);
  writeFileSync(path.join(other, "x.js"), `module.exports = 1;\n`);
  const made = await compiledConfig(other, "config.js");
  assert.ok("fallback" in made, JSON.stringify(made));
  const outside = mkdtempSync(path.join(tmpdir(), "editoriale-compiled-out-"));
  writeFileSync(path.join(outside, "shared.ts"), `export const n = 1;\n`);
  mkdirSync(path.join(other, "site"));
  writeFileSync(path.join(other, "site/config.ts"), `import { n } from "../../${path.basename(outside)}/shared.ts";\nexport default n;\n`);
  const far = await compiledConfig(other, "site/config.ts");
  assert.ok("fallback" in far && /outside the project/.test(far.fallback), JSON.stringify(far));
  rmSync(other, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

test("copySpecifier: from one copy to another, always relative", () => {
  assert.is(copySpecifier("src/x/y.ts", "src/x/a.ts"), "./a.mjs");
  assert.is(copySpecifier("src/x/y.ts", "src/b.ts"), "../b.mjs");
  assert.is(copySpecifier(".eleventy.ts", "src/eleventy/plugin.ts"), "./src/eleventy/plugin.mjs");
  assert.is(copySpecifier("src/a.ts", "lib/d.json"), "../lib/d.json");
});

test("outputName: TypeScript and JavaScript modules become .mjs, JSON stays", () => {
  assert.is(outputName(".eleventy.ts"), ".eleventy.mjs");
  assert.is(outputName("src/a.mts"), "src/a.mjs");
  assert.is(outputName("lib/x.js"), "lib/x.mjs");
  assert.is(outputName("lib/d.json"), "lib/d.json");
});

test.after(() => rmSync(project, { recursive: true, force: true }));

test.run();
