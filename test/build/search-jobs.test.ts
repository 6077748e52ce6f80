import { test } from "uvu";
import * as assert from "uvu/assert";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { BundledSearchIndex, searchSummary } from "../../src/eleventy/search-bundles.ts";
import { allFiles } from "../helpers/build.ts";

// Search bundles indexed several at once, each by its own Pagefind process: the same files as one at a time,
// and a bundle that fails stops the others and every process.

const work = mkdtempSync(path.join(tmpdir(), "editoriale-search-jobs-"));
const page = (title: string, body: string) =>
  `<!DOCTYPE html>\n<html lang="it"><head><title>${title}</title></head><body><main><article data-pagefind-body><h1>${title}</h1><p>${body}</p></article></main></body></html>`;
const BUNDLES = [
  { name: "2024", urls: ["/nidi-gratis/", "/orti-sociali/"] },
  { name: "2023", urls: ["/badanti-in-rete/", "/mense-solidali/"] },
  { name: "2022", urls: ["/case-di-quartiere/"] },
];
const HTML: Record<string, string> = {
  "/nidi-gratis/": page("Nidi gratuiti", "Il Comune azzera la retta dei nidi per i redditi bassi."),
  "/orti-sociali/": page("Orti sociali", "Gli orti urbani diventano luoghi di incontro tra generazioni."),
  "/badanti-in-rete/": page("Badanti in rete", "Uno sportello unico aiuta le famiglie a trovare assistenti familiari."),
  "/mense-solidali/": page("Mense solidali", "Le mense scolastiche offrono pasti a prezzo ridotto alle famiglie numerose."),
  "/case-di-quartiere/": page("Case di quartiere", "Spazi pubblici gestiti dalle associazioni per i servizi di prossimità."),
};

/** Hands every page over at once (each bundle complete at once), as a build whose pages come quickly would. */
async function indexAll(label: string, jobs: number, bundles = BUNDLES, html = HTML) {
  const out = path.join(work, `out-${label}`);
  const cacheDir = path.join(work, `cache-${label}`);
  const done: string[] = [];
  const index = new BundledSearchIndex({ language: "it-IT", outputDir: out, bundles, cacheDir, log: () => undefined, jobs, onBundle: (name) => void done.push(name) });
  await Promise.all(bundles.flatMap((b) => b.urls).map((url) => index.add(url, html[url] ?? "")));
  return { out, cacheDir, done, report: await index.write() };
}

function bundleFiles(out: string, bundle: string): Map<string, string> {
  const dir = path.join(out, "pagefind", bundle);
  return new Map(allFiles(dir).map((f) => [f, readFileSync(path.join(dir, f)).toString("base64")]));
}

test("two bundles at once, in two Pagefind processes, give the same files as one at a time", async () => {
  const one = await indexAll("one", 1);
  const two = await indexAll("two", 2);
  for (const { name, urls } of BUNDLES) {
    assert.equal(bundleFiles(two.out, name), bundleFiles(one.out, name), name);
    assert.is(readdirSync(path.join(two.out, "pagefind", name, "fragment")).length, urls.length, name);
  }
  assert.equal(two.report.indexed, ["2024", "2023", "2022"], "listed in the bundles' order, whichever finished first");
  assert.equal([...two.done].sort(), ["2022", "2023", "2024"]);
  assert.is(one.report.jobs, 1);
  assert.is(two.report.jobs, 2);
  if (process.platform === "linux") {
    assert.is(one.report.process?.processes, 3);
    assert.is(one.report.process?.concurrent, 1);
    assert.is(two.report.process?.processes, 3);
    assert.is(two.report.process?.concurrent, 2, "the first two bundles were indexed at the same time");
    const usage = two.report.process;
    assert.ok(usage && usage.largestKiB > 0 && usage.togetherKiB >= usage.largestKiB && usage.withBuildKiB > usage.togetherKiB);
  }
});

test("the search line gives Pagefind's processes: how many, how many at once, CPU and memory", () => {
  const line = searchSummary({
    pages: 10000, seconds: 30.5, bundles: 21, indexed: Array.from({ length: 21 }, (_, i) => String(2025 - i)), cacheDir: "/c", jobs: 2,
    process: { cpuSeconds: 53.214, processes: 21, concurrent: 2, largestKiB: 330 * 1024, togetherKiB: 610 * 1024 + 300, withBuildKiB: 980 * 1024 },
  }, ".cache/editoriale/search");
  assert.is(line, "search: 10000 pages in 21 bundles in 30.50 s: indexed 21, reused 0 from .cache/editoriale/search/ (Pagefind's processes: 21, 2 at a time, 53.21 s CPU, 330 MiB the largest, 610 MiB together at most; with the build 980 MiB at most)");
});

// A stand-in for Pagefind's program (PAGEFIND_BINARY_PATH, which Pagefind's Node API honours): it passes every message
// to the real one, except that it answers a page whose URL has /guasto/ with an error, and holds a page whose URL has
// /lento/ for 5 s. Each copy writes its process id to a file, so that the test can tell whether it was stopped.
const real = createRequire(import.meta.url).resolve(`@pagefind/${process.platform}-${process.arch}/bin/pagefind_extended`);
const pids = path.join(work, "pids");
const fake = path.join(work, "pagefind-fake.mjs");
writeFileSync(fake, `#!${process.execPath}
import { spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
appendFileSync(${JSON.stringify(pids)}, process.pid + "\\n");
const child = spawn(${JSON.stringify(real)}, process.argv.slice(2), { stdio: ["pipe", "inherit", "inherit"] });
process.on("SIGTERM", () => { child.kill(); process.exit(0); });
let pending = "";
process.stdin.on("data", (data) => {
  const parts = (pending + data.toString()).split(",");
  pending = parts.pop();
  for (const part of parts) {
    const message = JSON.parse(Buffer.from(part, "base64").toString());
    const url = message.payload.url ?? "";
    if (url.includes("/guasto/")) {
      const answer = { message_id: message.message_id, payload: { type: "Error", message: "pagina illeggibile (prova)" } };
      process.stdout.write(Buffer.from(JSON.stringify(answer)).toString("base64") + ",");
    } else if (url.includes("/lento/")) setTimeout(() => child.stdin.write(part + ","), 5000);
    else child.stdin.write(part + ",");
  }
});
process.stdin.on("end", () => child.stdin.end());
`);
chmodSync(fake, 0o755);

test("a bundle Pagefind cannot index stops the bundle being indexed beside it, the ones queued, and every Pagefind process", async () => {
  const bundles = [
    { name: "2024", urls: ["/lento/"] },
    { name: "2023", urls: ["/guasto/"] },
    { name: "2022", urls: ["/case-di-quartiere/"] },
  ];
  const html = { ...HTML, "/lento/": page("Lento", "Il servizio di trasporto sociale risponde tardi."), "/guasto/": page("Guasto", "Una pagina che Pagefind non sa leggere.") };
  const saved = process.env.PAGEFIND_BINARY_PATH;
  process.env.PAGEFIND_BINARY_PATH = fake;
  const started = performance.now();
  try {
    await indexAll("failing", 2, bundles, html);
    assert.unreachable("write() should fail");
  } catch (error) {
    assert.is((error as Error).message, "Pagefind could not index /guasto/: pagina illeggibile (prova)");
  } finally {
    if (saved === undefined) delete process.env.PAGEFIND_BINARY_PATH;
    else process.env.PAGEFIND_BINARY_PATH = saved;
  }
  assert.ok(performance.now() - started < 4000, "the slow bundle was stopped, not waited for");
  const started2 = readFileSync(pids, "utf8").trim().split("\n").map(Number);
  assert.is(started2.length, 2, "the queued bundle (2022) never started a process");
  await new Promise((resolve) => setTimeout(resolve, 200));
  for (const pid of started2) assert.not.ok(alive(pid), `Pagefind process ${pid} was stopped`);
  const cacheDir = path.join(work, "cache-failing");
  assert.equal(existsSync(cacheDir) ? readdirSync(cacheDir) : [], [], "no cache entry, and no half-written one");
  assert.not.ok(existsSync(path.join(work, "out-failing", "pagefind", "bundles.json")), "no manifest");
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
