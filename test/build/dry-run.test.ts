import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/build.ts";

// Regressions (issue 13): in content mode `--dryrun` wrote every page, `--to=json` crashed with
// "Converting circular structure to JSON" (the stylesheet's virtual template), `--pathprefix` was ignored.

function eleventy(fixture: string, ...args: string[]) {
  const dir = path.join(ROOT, "test/fixtures", fixture);
  const work = mkdtempSync(path.join(tmpdir(), "editoriale-dry-"));
  const out = path.join(work, "out");
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--quiet", `--input=${path.join(dir, "content")}`, `--output=${out}`, ...args],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, TZ: "Europe/Rome", NO_COLOR: "1", EDITORIALE_DATA: path.join(dir, "_data") } },
  );
  const wrote = existsSync(out);
  const read = (file: string) => readFileSync(path.join(out, file), "utf8");
  const pages = wrote ? { tag: read("tag/comuni/index.html"), search: read("cerca/index.html"), article: read("primo/index.html") } : undefined;
  rmSync(work, { recursive: true, force: true });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, wrote, pages };
}

test("--dryrun builds and checks the model but writes nothing", () => {
  const run = eleventy("small", "--dryrun");
  assert.is(run.status, 0, run.stderr);
  assert.not.ok(run.wrote, "no output folder");
  assert.match(run.stdout, /\[editoriale\] 3 articles checked; nothing written \(--dryrun\)/);
});

test("--dryrun still stops on a writer's mistake", () => {
  const run = eleventy("collisions", "--dryrun");
  assert.is(run.status, 1);
  assert.match(run.stdout + run.stderr, /URL_COLLISION|would be written by both/);
  assert.not.ok(run.wrote);
});

test("--to=json prints valid JSON on the standard output and writes nothing", () => {
  const run = eleventy("small", "--to=json");
  assert.is(run.status, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout), []);
  assert.match(run.stderr, /\[editoriale\] 3 articles checked; nothing written \(--to=json\)/);
  assert.not.ok(run.wrote);
});

test("--pathprefix=/sub/ is put before every site path of every page (links, pager, feeds, stylesheet, scripts)", () => {
  const run = eleventy("small", "--pathprefix=/sub/");
  assert.is(run.status, 0, run.stderr);
  assert.ok(run.pages);
  for (const [name, html] of Object.entries(run.pages)) {
    const paths = [...html.matchAll(/\b(?:href|src|action)="(\/[^"]*)"/g)].map((m) => m[1] ?? "");
    assert.ok(paths.length > 5, name);
    const bare = paths.filter((p) => !p.startsWith("/sub/") && !p.startsWith("//"));
    assert.equal(bare, [], `${name}: ${bare.join(" ")}`);
  }
  assert.match(run.pages.tag, /<link rel="stylesheet" href="\/sub\/assets\/editoriale\.[0-9a-f]{10}\.css">/);
  assert.match(run.pages.tag, /href="\/sub\/tag\/comuni\/feed\.xml"/);
  assert.match(run.pages.search, /<script type="module" src="\/sub\/assets\/cerca\.js"><\/script>/);
});

test.run();
