import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { allFiles, ROOT } from "../helpers/build.ts";

// Progress on long work (issue 16, part 3): the real configuration, not on a terminal (pipes), with and without --quiet.
// test/fixtures/images/site: 3 articles and 1 page (4 files read), 2 featured images, search on, so every phase of a build runs.

const SITE = path.join(ROOT, "test/fixtures/images/site");
const work = mkdtempSync(path.join(tmpdir(), "editoriale-progress-"));
const cache = path.join(work, "image-cache");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  out: string;
}

function run(command: string[], name: string, env: Record<string, string> = {}): Promise<Run> {
  const out = path.join(work, name);
  // uvu sets FORCE_COLOR, which makes Node warn on the standard error of the child.
  const { FORCE_COLOR: _color, ...inherited } = process.env;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...command, `--input=${path.join(SITE, "content")}`, `--output=${out}`], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...inherited, TZ: "Europe/Rome", NO_COLOR: "1", EDITORIALE_DATA: path.join(SITE, "_data"), EDITORIALE_IMAGE_CACHE: cache,
        // Each run its own search cache: a bundle another run indexed would be "reused" here, and the log line would differ.
        EDITORIALE_SEARCH_CACHE: path.join(work, `${name}-search-cache`),
        // No build cache (scripts/build.ts keeps one in the project by default): its lines would differ from plain Eleventy's.
        EDITORIALE_BUILD_CACHE: "off", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr, out }));
  });
}

const ELEVENTY = ["node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts"];
const NPM_BUILD = ["scripts/build.ts"];

/** Progress lines, with their seconds (which vary) written as "#". */
const progressLines = (text: string) => text.split("\n").filter((line) => line.startsWith("Editoriale ›")).map((line) => line.replace(/ in \d+\.\d s/, " in # s"));
/** Our own log lines, without what varies from run to run: seconds, images made or reused, Pagefind's processes. */
const logLines = (text: string) =>
  text
    .split("\n")
    .filter((line) => line.startsWith("[editoriale]"))
    .map((line) => line.replace(/\d+\.\d+ s/g, "# s").replace(/\d+ made, \d+ reused/, "# made, # reused").replace(/ \(Pagefind's processes: [^)]*\)/, "").replace(/ from \S*-search-cache\/$/, " from (the run's search cache)"));

const EXPECTED = [
  "Editoriale › reading 4 files…",
  "Editoriale › reading: 4 files in # s",
  // The pages, feeds and other files the model plans; the 18 image files, known once the bodies are rendered, add to them.
  "Editoriale › writing 17 files…",
  "Editoriale › making images 2 images…",
  "Editoriale › making images: 2 images in # s",
  "Editoriale › writing: 35 files in # s · including 18 image files",
  "Editoriale › indexing 3 pages…",
  "Editoriale › indexing: 3 pages in # s",
];

// The first build makes the images; the others, at once, reuse them (the phases are the same either way).
const first = run(ELEVENTY, "eleventy");
const others = first.then(() =>
  Promise.all([
    run(NPM_BUILD, "npm-build"),
    run([...ELEVENTY, "--quiet"], "eleventy-quiet"),
    run([...NPM_BUILD, "--quiet"], "npm-build-quiet"),
    run(NPM_BUILD, "npm-build-env", { EDITORIALE_PROGRESS: "0" }),
    run([...ELEVENTY, "--to=json"], "eleventy-json"),
  ]),
);

test("Eleventy without --quiet, not on a terminal: each phase in order, a plain line at its start and at its end with its count", async () => {
  const built = await first;
  assert.is(built.status, 0, built.stdout + built.stderr);
  assert.equal(progressLines(built.stderr), EXPECTED);
  assert.not.match(built.stderr, /\r|\u001b/, "no cursor control outside a terminal");
  assert.not.match(built.stdout, /Editoriale ›/, "never on the standard output");
  // The counts are the build's: 35 files written by Editoriale, as its own line says.
  assert.ok(logLines(built.stdout).includes("[editoriale] 3 articles: wrote 35 files in # s"), built.stdout);
  const files = allFiles(built.out);
  assert.is(files.filter((f) => f.startsWith("img/")).length, 18);
});

test("npm run build (which always runs Eleventy with --quiet) shows the same phases", async () => {
  const [npmBuild] = await others;
  assert.is(npmBuild.status, 0, npmBuild.stdout + npmBuild.stderr);
  assert.equal(progressLines(npmBuild.stderr), EXPECTED);
  assert.not.match(npmBuild.stdout, /Editoriale ›/);
});

test("--quiet (Eleventy's, and npm run build's) and EDITORIALE_PROGRESS=0 print no progress, and the rest of the output is unchanged", async () => {
  const built = await first;
  const [, eleventyQuiet, npmQuiet, npmEnv] = await others;
  for (const quiet of [eleventyQuiet, npmQuiet, npmEnv]) {
    assert.is(quiet.status, 0, quiet.stdout + quiet.stderr);
    assert.equal(progressLines(quiet.stdout + quiet.stderr), []);
    assert.not.match(quiet.stderr, /Editoriale|\r|\u001b/);
    // The same lines of ours as the build with progress (images reused from the first build's cache instead of made).
    assert.equal(logLines(quiet.stdout), logLines(built.stdout));
  }
  assert.is(eleventyQuiet.stderr, "", "Eleventy with --quiet, as the build tests run it: nothing on the standard error");
});

test("--to=json: the standard output is Eleventy's JSON alone; the reading phase is on the standard error", async () => {
  const [, , , , json] = await others;
  assert.is(json.status, 0, json.stdout + json.stderr);
  assert.equal(JSON.parse(json.stdout), []);
  assert.equal(progressLines(json.stderr), ["Editoriale › reading 4 files…", "Editoriale › reading: 4 files in # s"]);
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
