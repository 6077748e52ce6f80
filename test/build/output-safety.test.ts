import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "node-html-parser";
import { publish, keptCollisions } from "../../src/cli/atomic-output.ts";
import { cleanLeftovers } from "../../src/cli/leftovers.ts";
import { checkOutput, type OutputFacts } from "../../src/cli/output-guard.ts";
import { MARKER } from "../../src/cli/output-marker.ts";
import { formatProblem } from "../../src/core/errors.ts";
import { emptySiteProblems } from "../../src/eleventy/empty-site.ts";
import { feed, ROOT } from "../helpers/build.ts";

// Every case runs the real script in a throwaway copy of the project (<temp>/project, with
// node_modules linked to the real one and a stand-in .git), so that a guard that fails deletes
// the copy, not this repository. The copy sits one level down, so that `--output=..` is ours too.
const temporary: string[] = [];
const SMALL = "test/fixtures/small";

interface Sandbox {
  /** The temporary folder holding the project copy and the outputs of the test. */
  root: string;
  project: string;
}

function sandbox(): Sandbox {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), "editoriale-output-safety-")));
  temporary.push(root);
  const project = path.join(root, "project");
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], { cwd: ROOT, encoding: "utf8" }).split("\0");
  for (const file of files) {
    const from = path.join(ROOT, file);
    if (file === "" || !existsSync(from) || statSync(from).isDirectory()) continue;
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    cpSync(from, path.join(project, file));
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(project, "node_modules"));
  mkdirSync(path.join(project, ".git/refs"), { recursive: true });
  writeFileSync(path.join(project, ".git/HEAD"), "ref: refs/heads/main\n");
  return { root, project };
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `tsx scripts/build.ts …args` in the copy (or `npm run build -- …args` with `npm: true`), with the small fixture's site data. */
function invocation(box: Sandbox, args: readonly string[], npm: boolean): [string, string[], { cwd: string; env: NodeJS.ProcessEnv }] {
  const { FORCE_COLOR: _color, ...env } = process.env;
  const options = { cwd: box.project, env: { ...env, TZ: "Europe/Rome", NO_COLOR: "1", EDITORIALE_DATA: path.join(box.project, SMALL, "_data") } };
  return npm ? ["npm", ["run", "build", "--silent", "--", ...args], options] : [process.execPath, ["--import", "tsx", "scripts/build.ts", ...args], options];
}

function build(box: Sandbox, args: readonly string[], { npm = false } = {}): Run {
  const [command, argv, options] = invocation(box, args, npm);
  const run = spawnSync(command, argv, { ...options, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function buildAsync(box: Sandbox, args: readonly string[], { npm = false } = {}): Promise<Run> {
  const [command, argv, options] = invocation(box, args, npm);
  return new Promise((resolve) => {
    const child = spawn(command, argv, options);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

/** Every entry below `dir` with the hash of its content (symlinks by their target, not followed). */
function snapshot(dir: string): string[] {
  const lines: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      const rel = path.relative(dir, full);
      if (entry.isSymbolicLink()) lines.push(`${rel} -> ${readlinkSync(full)}`);
      else if (entry.isDirectory()) {
        lines.push(`${rel}/`);
        walk(full);
      } else lines.push(`${rel} ${createHash("sha256").update(readFileSync(full)).digest("hex")}`);
    }
  };
  walk(dir);
  return lines.sort();
}

/** Folders a build would have made beside or inside the outputs: a refusal makes none. */
function buildFolders(box: Sandbox): string[] {
  return [box.root, box.project].flatMap((dir) => readdirSync(dir).filter((name) => /\.(building|previous)-\d+$/.test(name)));
}

/** A folder that an earlier build wrote (the marker), with `files` in it. */
function previousSite(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, MARKER), "earlier build\n");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

function deadPid(): number {
  const child = spawnSync("true");
  return child.pid;
}

const smallInput = (box: Sandbox) => `--input=${path.join(box.project, SMALL, "content")}`;

// ── refusals: one line, exit 1, nothing touched, Eleventy never started ────────────────

interface RefusalCase {
  name: string;
  args: (box: Sandbox) => string[];
  /** Sets up what the case needs beside the project (a symlink, a foreign folder). */
  prepare?: (box: Sandbox) => void;
  line: (box: Sandbox) => RegExp;
  npm?: boolean;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const refusals: RefusalCase[] = [
  { name: "--output=. (the project)", args: () => ["--output=."], npm: true, line: (b) => new RegExp(`^npm run build → --output=\\.: \\. \\(${esc(b.project)}\\) is the project folder: .* Fix: build into a folder of its own, e\\.g\\. --output=_site`) },
  { name: "--output= (empty, as --output=$OUT with OUT unset)", args: () => ["--output="], line: () => /^npm run build → --output=: the output folder is an empty name .* Fix: name the folder, e\.g\. --output=_site/ },
  { name: "--output=/", args: () => ["--output=/"], line: () => /^npm run build → --output=\/: \/ is the root of the file system.* Fix: / },
  { name: "--output=.. (a parent of the project)", args: () => ["--output=.."], line: (b) => new RegExp(`^npm run build → --output=\\.\\.: \\.\\. \\(${esc(b.root)}\\) contains the project \\(${esc(b.project)}\\).* Fix: `) },
  { name: "--output=content (the input)", args: () => ["--output=content"], line: (b) => new RegExp(`^npm run build → --output=content: content \\(${esc(b.project)}/content\\) is the content folder \\(--input\\).* Fix: `) },
  { name: "--output=content/sub (inside the input)", args: () => ["--output=content/sub"], line: (b) => new RegExp(`^npm run build → --output=content/sub: content/sub \\(.*\\) is inside content \\(${esc(b.project)}/content\\), the content folder \\(--input\\).* Fix: `) },
  { name: "--output=src (a folder of the project)", args: () => ["--output=src"], line: () => /^npm run build → --output=src: src \(.*\) is part of the project \(src\), not a site Editoriale built.* Fix: pick a new folder/ },
  { name: "--output=.git", args: () => ["--output=.git"], line: () => /^npm run build → --output=\.git: .* is part of the project \(\.git\)/ },
  {
    name: "--output=<a symlink to the project>",
    prepare: (b) => symlinkSync(b.project, path.join(b.root, "link-to-project")),
    args: (b) => [`--output=${path.join(b.root, "link-to-project")}`],
    line: (b) => new RegExp(`^npm run build → --output=${esc(b.root)}/link-to-project: .*link-to-project \\(${esc(b.project)}\\) is the project folder`),
  },
  {
    name: "--input inside the output",
    prepare: (b) => cpSync(path.join(b.project, SMALL, "content"), path.join(b.root, "outer/content"), { recursive: true }),
    args: (b) => [`--input=${path.join(b.root, "outer/content")}`, `--output=${path.join(b.root, "outer")}`],
    line: (b) => new RegExp(`^npm run build → --output=${esc(b.root)}/outer: .* contains ${esc(b.root)}/outer/content, the content folder \\(--input\\)`),
  },
  {
    name: "a foreign non-empty folder (no marker)",
    prepare: (b) => {
      mkdirSync(path.join(b.root, "foreign"));
      writeFileSync(path.join(b.root, "foreign/index.html"), "<p>il sito di un altro</p>");
      writeFileSync(path.join(b.root, "foreign/appunti.txt"), "note sul welfare locale");
    },
    args: (b) => [`--output=${path.join(b.root, "foreign")}`],
    line: () => /^npm run build → --output=.*\/foreign: .*foreign holds 2 entries \(appunti\.txt, index\.html\) and no \.editoriale-output: it was not written by Editoriale.* Fix: empty the folder .*or pick another one/,
  },
  { name: "a missing --input", args: () => ["--input=non-esiste"], line: (b) => new RegExp(`^npm run build → --input=non-esiste: non-esiste \\(${esc(b.project)}/non-esiste\\) does not exist\\. Fix: give the folder that holds the articles`) },
  { name: "an --input that is a file", args: () => ["--input=package.json"], line: () => /^npm run build → --input=package\.json: .* is a file, not a folder\. Fix: / },
];

interface RefusalResult {
  box: Sandbox;
  run: Run;
  before: string[];
  after: string[];
}

/** The refusals run three at a time (each is a Node start-up and little else), every one in its own copy. */
const refused = new Map<string, Promise<RefusalResult>>();
function runRefusals(): void {
  if (refused.size > 0) return;
  let active = 0;
  const waiting: Array<() => void> = [];
  for (const c of refusals) {
    refused.set(c.name, (async () => {
      if (active >= 3) await new Promise<void>((resume) => waiting.push(resume));
      active++;
      try {
        const box = sandbox();
        c.prepare?.(box);
        const before = snapshot(box.root);
        const run = await buildAsync(box, c.args(box), { npm: c.npm });
        return { box, run, before, after: snapshot(box.root) };
      } finally {
        active--;
        waiting.shift()?.();
      }
    })());
  }
}

for (const c of refusals) {
  test(`refused, nothing touched: ${c.name}`, async () => {
    runRefusals();
    const result = refused.get(c.name);
    if (!result) throw new Error(`no run for ${c.name}`);
    const { box, run, before, after } = await result;
    assert.is(run.status, 1, `${run.stdout}${run.stderr}`);
    const lines = run.stderr.trim().split("\n");
    assert.is(lines.length, 1, `one line on stderr:\n${run.stderr}`);
    assert.match(lines[0] ?? "", c.line(box));
    assert.not.match(run.stdout + run.stderr, /\[11ty\]|\[editoriale\]|\n\s+at /, "Eleventy never started, no stack trace");
    assert.equal(buildFolders(box), []);
    assert.is(after.length, before.length, "as many files and folders as before");
    assert.equal(after, before, "every file of the project, the input and beside them as it was");
  });
}

// ── real builds, in one shared copy ───────────────────────────────────────

let shared: Sandbox | undefined;
const box = () => (shared ??= sandbox());

test("plain npm run build builds the sample site into _site, with the marker and nothing left beside", () => {
  const b = box();
  const run = build(b, [], { npm: true });
  assert.is(run.status, 0, `${run.stdout}${run.stderr}`);
  assert.ok(existsSync(path.join(b.project, "_site/index.html")));
  assert.ok(existsSync(path.join(b.project, "_site", MARKER)));
  assert.equal(buildFolders(b), []);
});

test("an existing output keeps CNAME, .git/, .well-known/ and --keep names (moved, not copied); pages of the old build are gone", () => {
  const b = box();
  const site = path.join(b.root, "site");
  previousSite(site, { "CNAME": "www.welforum.example\n", ".git/HEAD": "ref: refs/heads/gh-pages\n", ".well-known/security.txt": "Contact: redazione@welforum.example\n", "google0123.html": "verifica", "pagina-vecchia/index.html": "<p>vecchia</p>" });
  const gitInode = statSync(path.join(site, ".git")).ino;
  const run = build(b, [smallInput(b), `--output=${site}`, "--keep=google0123.html"]);
  assert.is(run.status, 0, `${run.stdout}${run.stderr}`);
  assert.match(run.stdout, "[editoriale] kept from the previous site: CNAME, .well-known, .git, google0123.html");
  assert.is(readFileSync(path.join(site, "CNAME"), "utf8"), "www.welforum.example\n");
  assert.is(readFileSync(path.join(site, ".git/HEAD"), "utf8"), "ref: refs/heads/gh-pages\n");
  assert.is(readFileSync(path.join(site, ".well-known/security.txt"), "utf8"), "Contact: redazione@welforum.example\n");
  assert.is(readFileSync(path.join(site, "google0123.html"), "utf8"), "verifica");
  assert.is(statSync(path.join(site, ".git")).ino, gitInode, ".git was moved, not copied");
  assert.not.ok(existsSync(path.join(site, "pagina-vecchia")), "the old build's pages are gone");
  assert.is(parse(readFileSync(path.join(site, "index.html"), "utf8")).querySelectorAll("article").length > 0, true);
  assert.equal(readdirSync(b.root).filter((n) => n.startsWith("site")), ["site"], "nothing left beside it");
});

test("leftovers of killed builds: removed when dead and marked; kept without the marker or while their build (or its Eleventy) runs", () => {
  const b = box();
  const site = path.join(b.root, "leftovers-site");
  previousSite(site, { "index.html": "<p>prima</p>" });
  const [dead, unmarked, orphaned] = [deadPid(), deadPid(), deadPid()];
  previousSite(`${site}.building-${dead}`, { "mezza/index.html": "a half-written build" });
  previousSite(`${site}.previous-${dead}`, { "index.html": "an old site" });
  mkdirSync(`${site}.building-${unmarked}`);
  writeFileSync(`${site}.building-${unmarked}/mio.txt`, "not ours: no marker");
  previousSite(`${site}.building-${process.pid}`, { "in-corso.txt": "a build still running" });
  // Its script was killed, its Eleventy (named in the marker) still writes there.
  previousSite(`${site}.building-${orphaned}`, { [MARKER]: `written by Editoriale\nprocesses: ${orphaned} ${process.pid}\n` });
  const run = build(b, [smallInput(b), `--output=${site}`]);
  assert.is(run.status, 0, `${run.stdout}${run.stderr}`);
  assert.match(run.stdout, `[editoriale] removed leftovers-site.building-${dead}, left by a build that was killed`);
  assert.match(run.stdout, `[editoriale] removed leftovers-site.previous-${dead}, left by a build that was killed`);
  const beside = readdirSync(b.root).filter((n) => n.startsWith("leftovers-site")).sort();
  assert.equal(beside, ["leftovers-site", `leftovers-site.building-${unmarked}`, `leftovers-site.building-${process.pid}`, `leftovers-site.building-${orphaned}`].sort());
  assert.is(readFileSync(`${site}.building-${unmarked}/mio.txt`, "utf8"), "not ours: no marker");
});

test("a symlinked output is followed: the symlink stays, its target holds the new site", () => {
  const b = box();
  const target = path.join(b.root, "www/welforum");
  previousSite(target, { "pagina-vecchia.html": "old" });
  const link = path.join(b.root, "pubblico");
  symlinkSync(target, link);
  const run = build(b, [smallInput(b), `--output=${link}`]);
  assert.is(run.status, 0, `${run.stdout}${run.stderr}`);
  assert.ok(lstatSync(link).isSymbolicLink(), "still a symlink");
  assert.is(readlinkSync(link), target);
  assert.ok(existsSync(path.join(target, "index.html")));
  assert.not.ok(existsSync(path.join(target, "pagina-vecchia.html")));
  assert.equal(readdirSync(path.join(b.root, "www")), ["welforum"], "built beside the real folder, nothing left there");
  assert.not.ok(readdirSync(b.root).some((n) => n.startsWith("pubblico.")), "nothing built beside the symlink");
});

test("an input with no article is refused with one line, exit 1, and the published site stays", () => {
  const b = box();
  mkdirSync(path.join(b.root, "vuoto"));
  const site = path.join(b.root, "published");
  previousSite(site, { "index.html": "<h1>Welforum</h1>" });
  const before = snapshot(site);
  const run = build(b, [`--input=${path.join(b.root, "vuoto")}`, `--output=${site}`]);
  assert.is(run.status, 1, `${run.stdout}${run.stderr}`);
  const problem = run.stderr.split("\n").filter((line) => line.includes("→ articles:"));
  assert.is(problem.length, 1, run.stderr);
  assert.match(problem[0] ?? "", /vuoto → articles: the content folder has no article to publish .* Fix: add articles to .*vuoto or check --input; to publish an empty site on purpose, run npm run build -- --allow-empty$/);
  assert.not.match(run.stderr, /\n\s+at /, "no stack trace");
  assert.equal(snapshot(site), before);
  assert.not.ok(readdirSync(b.root).some((n) => n.startsWith("published.")));
});

test("--allow-empty builds an empty site", () => {
  const b = box();
  mkdirSync(path.join(b.root, "vuoto-2"));
  const site = path.join(b.root, "empty-site");
  const run = build(b, [`--input=${path.join(b.root, "vuoto-2")}`, `--output=${site}`, "--allow-empty"]);
  assert.is(run.status, 0, `${run.stdout}${run.stderr}`);
  assert.match(run.stdout, "[editoriale] 0 articles");
  assert.is(feed(site, "feed.xml").items.length, 0);
  assert.ok(existsSync(path.join(site, MARKER)));
});

test("a mount point is built in place: nothing beside it, kept entries stay, old pages go (mounts a tmpfs: needs root, skipped otherwise)", () => {
  const b = box();
  const mnt = path.join(b.root, "montato");
  mkdirSync(mnt);
  if (spawnSync("mount", ["-t", "tmpfs", "tmpfs", mnt]).status !== 0) {
    console.log("\n  (mount point: skipped, a tmpfs cannot be mounted here)");
    return;
  }
  try {
    previousSite(mnt, { "CNAME": "www.welforum.example\n", "vecchia.html": "old" });
    const run = build(b, [smallInput(b), `--output=${mnt}`]);
    assert.is(run.status, 0, `${run.stdout}${run.stderr}`);
    assert.match(run.stdout, /\[editoriale\] .*montato cannot be renamed \(a mount point.*not atomic/);
    assert.is(readFileSync(path.join(mnt, "CNAME"), "utf8"), "www.welforum.example\n");
    assert.not.ok(existsSync(path.join(mnt, "vecchia.html")));
    assert.ok(existsSync(path.join(mnt, "index.html")));
    assert.not.ok(readdirSync(mnt).some((n) => n.startsWith(".editoriale-building") || n.startsWith(".editoriale-previous")));
    assert.not.ok(readdirSync(b.root).some((n) => n.startsWith("montato.")));
  } finally {
    spawnSync("umount", [mnt]);
  }
});

// ── the decisions, without a build ─────────────────────────────────────────

const facts = (over: Partial<OutputFacts["output"]["state"]>, keep: string[] = [".git"]): OutputFacts => ({
  output: { given: "/srv/sito", lexical: "/srv/sito", real: "/srv/sito", state: { kind: "dir", entries: [], editoriale: false, mountPoint: false, parentWritable: true, writable: true, ...over } as OutputFacts["output"]["state"] },
  roots: ["/home/redazione/progetto"],
  entries: [],
  input: { given: "content", lexical: "/home/redazione/progetto/content", real: "/home/redazione/progetto/content", kind: "dir" },
  data: { given: "_data", lexical: "/home/redazione/progetto/_data", real: "/home/redazione/progetto/_data" },
  keep,
});

test("guard: a folder holding only keep-list entries is taken over; a mount point is built in place, or refused when not writable", () => {
  assert.equal(checkOutput(facts({ entries: [".git"] })), { plan: { target: "/srv/sito", shown: "/srv/sito", mode: "swap" } });
  assert.ok("refusal" in checkOutput(facts({ entries: [".git", "index.html"] })));
  assert.equal(checkOutput(facts({ editoriale: true, entries: ["index.html"], mountPoint: true })), { plan: { target: "/srv/sito", shown: "/srv/sito", mode: "in-place" } });
  assert.equal(checkOutput(facts({ editoriale: true, entries: ["index.html"], parentWritable: false })), { plan: { target: "/srv/sito", shown: "/srv/sito", mode: "in-place" } });
  const refused = checkOutput(facts({ editoriale: true, entries: ["index.html"], mountPoint: true, writable: false }));
  assert.ok("refusal" in refused && refused.refusal.message === "/srv/sito cannot be replaced: it is a mount point and is not writable itself");
  const marker = checkOutput(facts({}, [MARKER]));
  assert.ok("refusal" in marker && marker.refusal.field === `--keep=${MARKER}`);
});

test("in place (an output that cannot be renamed): old entries replaced one by one, kept ones untouched, no folder of ours left", () => {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), "editoriale-in-place-")));
  temporary.push(dir);
  const target = path.join(dir, "mnt");
  previousSite(target, { "CNAME": "www.welforum.example\n", "index.html": "old", "vecchia/index.html": "old" });
  const building = path.join(target, ".editoriale-building-7");
  previousSite(building, { "index.html": "new", "nuova/index.html": "new" });
  writeFileSync(path.join(building, MARKER), "this build\n");
  const result = publish({ target, shown: "mnt", mode: "in-place" }, building, ["CNAME"], 7);
  assert.equal(result.kept, ["CNAME"]);
  assert.equal(readdirSync(target).sort(), [MARKER, "CNAME", "index.html", "nuova"].sort());
  assert.is(readFileSync(path.join(target, "index.html"), "utf8"), "new");
  assert.is(readFileSync(path.join(target, MARKER), "utf8"), "this build\n", "the marker moved in last");
});

test("a build killed between the two renames of its swap: the next one brings the previous site back, with its kept entries", () => {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), "editoriale-killed-swap-")));
  temporary.push(dir);
  const target = path.join(dir, "_site");
  const dead = deadPid();
  // Killed after `_site` became `_site.previous-<pid>` and CNAME moved into the new build.
  previousSite(`${target}.previous-${dead}`, { "index.html": "published" });
  previousSite(`${target}.building-${dead}`, { "index.html": "new", "CNAME": "www.welforum.example\n" });
  const log = cleanLeftovers({ target, shown: "_site", mode: "swap" }, ["CNAME"], () => false);
  assert.equal(readdirSync(dir), ["_site"]);
  assert.is(readFileSync(path.join(target, "index.html"), "utf8"), "published");
  assert.is(readFileSync(path.join(target, "CNAME"), "utf8"), "www.welforum.example\n");
  assert.is(log.length, 2, log.join("\n"));
  assert.equal(keptCollisions(target, ["CNAME", ".git"]), ["CNAME"]);
});

test("empty site: refused only by a one-off build without EDITORIALE_ALLOW_EMPTY=1 (npm start and watch serve it)", () => {
  const content = path.join(process.cwd(), "vuoto");
  const [problem, ...rest] = emptySiteProblems(0, "build", content, {});
  assert.is(rest.length, 0);
  assert.is(problem && formatProblem(problem), "./vuoto → articles: the content folder has no article to publish (drafts are not published), so the site would be replaced by an empty one. Fix: add articles to vuoto or check --input; to publish an empty site on purpose, run npm run build -- --allow-empty");
  assert.equal(emptySiteProblems(0, "serve", content, {}), []);
  assert.equal(emptySiteProblems(0, "watch", content, {}), []);
  assert.equal(emptySiteProblems(0, "build", content, { EDITORIALE_ALLOW_EMPTY: "1" }), []);
  assert.equal(emptySiteProblems(0, "build", content, { EDITORIALE_ALLOW_EMPTY: "true" }).length, 1, "only 1 allows it");
  assert.equal(emptySiteProblems(1, "build", content, {}), []);
});

test.after(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

test.run();
