import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CODE_CACHE_DIR } from "../../src/cli/compiled-config.ts";
import { ROOT } from "../helpers/build.ts";
import { readTree } from "../helpers/read-tree.ts";

// `npm run build` gives Eleventy the JavaScript copy of .eleventy.ts and of the modules it imports
// (src/cli/compiled-config.ts): the site it writes is byte for byte the one written through tsx.

const FIXTURE = path.join(ROOT, "test/fixtures/basic");
const work = mkdtempSync(path.join(tmpdir(), "editoriale-compiled-build-"));

function build(output: string, env: Record<string, string> = {}): string {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/build.ts", `--input=${path.join(FIXTURE, "content")}`, `--output=${output}`], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      TZ: "Europe/Rome",
      NO_COLOR: "1",
      EDITORIALE_DATA: path.join(FIXTURE, "_data"),
      EDITORIALE_BUILD_CACHE: "off",
      EDITORIALE_IMAGE_CACHE: path.join(work, "images-cache"),
      EDITORIALE_SEARCH_CACHE: path.join(work, "search-cache"),
      ...env,
    },
  });
  const log = `${run.stdout}${run.stderr}`;
  assert.is(run.status, 0, log);
  return log;
}

test("the site built from the JavaScript copy is the site built through tsx", () => {
  const copied = path.join(work, "copied");
  const log = build(copied);
  assert.not.match(log, /runs through tsx/);
  const manifest = JSON.parse(readFileSync(path.join(ROOT, CODE_CACHE_DIR, "manifest.json"), "utf8")) as { dir: string; files: Record<string, string> };
  assert.ok(existsSync(path.join(ROOT, CODE_CACHE_DIR, manifest.dir, ".eleventy.mjs")));
  // Every module the configuration reaches is in the copy: the plugin, the core, the theme's parts.
  for (const file of [".eleventy.ts", "src/eleventy/plugin.ts", "src/core/slug.ts", "_includes/layouts/article.ts"]) assert.ok(file in manifest.files, file);
  const viaTsx = path.join(work, "tsx");
  build(viaTsx, { EDITORIALE_TSX: "1" });
  const a = readTree(copied);
  const b = readTree(viaTsx);
  assert.ok(a.size > 20, `${a.size} files`);
  assert.equal([...a.keys()].sort(), [...b.keys()].sort());
  for (const [file, text] of a) assert.ok(text === b.get(file), `${file} differs`);
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
