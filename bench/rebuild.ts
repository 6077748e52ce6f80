/**
 * Rebuild times under `npm start` on a synthetic corpus.
 *
 *   npx tsx bench/rebuild.ts [--count 10000] [--seed 1] [--port 8090] [--edits 3] [--keep]
 *
 * Generates the corpus in a fresh folder under os.tmpdir() (never in the
 * repository), starts `npm start -- --port=P --input=… --output=…` with the
 * repository's site data, waits for the first build, then saves edits the way
 * an editor does — a paragraph added to an article's body; a new title and an
 * added term of the taxonomy that scores related articles (the tags) on
 * another — and times each from the save to the new page on disk
 * (polled every 10 ms), reads the plugin's log line, and counts the files of
 * the output folder modified since the save. Stops the server it started.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "./corpus.ts";
import { addParagraph, plainArticles } from "./edits.ts";
import { formatTable, machineInfo } from "./measure.ts";
import { slugify } from "../src/core/slug.ts";
import { resolveOptions } from "../src/core/options.ts";
import { loadSiteData } from "../src/eleventy/site-data.ts";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");

interface Options {
  count: number;
  seed: number;
  port: number;
  edits: number;
  keep: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { count: 10_000, seed: 1, port: 8090, edits: 3, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--keep") {
      opts.keep = true;
      continue;
    }
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = inline ?? argv[++i];
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a non-negative integer`);
    if (flag === "--count") opts.count = n;
    else if (flag === "--seed") opts.seed = n;
    else if (flag === "--port") opts.port = n;
    else if (flag === "--edits") opts.edits = Math.max(1, n);
    else throw new Error(`unknown option: ${flag}`);
  }
  return opts;
}

/** The server's output, line by line, with a way to wait for the next line matching a pattern. */
class Log {
  private readonly lines: Array<{ at: number; text: string }> = [];
  private waiters: Array<() => void> = [];
  constructor(child: ChildProcess) {
    let rest = "";
    const take = (chunk: string) => {
      rest += chunk;
      const parts = rest.split("\n");
      rest = parts.pop() ?? "";
      for (const text of parts) this.lines.push({ at: performance.now(), text });
      for (const wake of this.waiters.splice(0)) wake();
    };
    child.stdout?.setEncoding("utf8").on("data", take);
    child.stderr?.setEncoding("utf8").on("data", take);
  }
  get length(): number {
    return this.lines.length;
  }
  /** The first line from index `from` on that matches, waiting for it up to `timeoutMs`. */
  async next(pattern: RegExp, from: number, timeoutMs: number): Promise<{ at: number; text: string; index: number }> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      for (let i = from; i < this.lines.length; i++) {
        const line = this.lines[i] as { at: number; text: string };
        if (pattern.test(line.text)) return { ...line, index: i };
      }
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`no line matching ${pattern} within ${timeoutMs / 1000} s; last lines:\n${this.tail(15)}`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, Math.min(left, 1000));
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }
  tail(n: number): string {
    return this.lines.slice(-n).map((l) => l.text).join("\n");
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(check: () => boolean, timeoutMs: number): Promise<number> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`not done within ${timeoutMs / 1000} s`);
    await sleep(10);
  }
  return performance.now();
}

/** Files of the output folder modified at or after `sinceMs` (wall clock). */
function modifiedSince(dir: string, sinceMs: number): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (statSync(p).mtimeMs >= sinceMs - 5) files.push(relative(dir, p));
    }
  };
  walk(dir);
  return files.sort();
}

function readable(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

interface EditResult {
  edit: string;
  pageMs: number;
  logLine: string;
  pluginS: string;
  modified: number;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const m = machineInfo();
  console.log(
    `machine: ${m.cpus} × ${m.cpuModel}, ${m.totalMemGiB.toFixed(1)} GiB RAM, node ${m.node}, ` +
      `load average ${m.loadAverage.map((l) => l.toFixed(2)).join(" ")}`,
  );
  const work = mkdtempSync(join(tmpdir(), "editoriale-rebuild-"));
  let server: ChildProcess | undefined;
  try {
    const content = join(work, "content");
    const data = join(work, "data");
    const site = join(work, "site");
    const corpus = generateCorpus({ count: opts.count, seed: opts.seed, outDir: content });
    console.log(`corpus: ${corpus.articles} articles + ${corpus.dossiers} dossiers, seed ${opts.seed} → ${content}`);
    mkdirSync(data);
    cpSync(join(repo, "_data", "site.json"), join(data, "site.json"));
    writeFileSync(join(data, "terms.json"), "{}\n");
    // The edited term is of the taxonomy that drives related articles (Welforum: tag), read from the same site data as the server.
    const scoring = resolveOptions(loadSiteData(data)).roles.related[0];
    if (!scoring) throw new Error("the site data name no related-articles taxonomy (roles.related) to add a term to");

    const args = ["start", "--", `--port=${opts.port}`, `--input=${content}`, `--output=${site}`];
    console.log(`command: (cd ${repo} && EDITORIALE_DATA=${data} npm ${args.join(" ")})`);
    // A process group of its own, so that npm, tsx and Eleventy are stopped together at the end.
    server = spawn("npm", args, { cwd: repo, env: { ...process.env, EDITORIALE_DATA: data }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    const log = new Log(server);
    const startedAt = performance.now();
    const first = await log.next(/\[editoriale\] \d+ articles: wrote/, 0, 30 * 60_000);
    const ready = await log.next(/\[11ty\] (Watching|Server at)/, first.index, 30 * 60_000);
    console.log(`first build: ${first.text.replace(/^.*\] /, "")}; serving after ${((ready.at - startedAt) / 1000).toFixed(1)} s`);
    await sleep(2000);

    const articles = plainArticles(content);
    const results: EditResult[] = [];
    const save = async (label: string, file: string, change: (text: string) => string, done: () => boolean): Promise<void> => {
      const from = log.length;
      const text = change(readFileSync(file, "utf8"));
      const savedAt = Date.now();
      const t0 = performance.now();
      writeFileSync(file, text);
      const t1 = await waitFor(done, 120_000);
      const line = await log.next(/\[editoriale\] \d+ articles: wrote/, from, 120_000);
      await log.next(/\[11ty\] .*Wrote/, line.index, 120_000);
      await sleep(500);
      const modified = modifiedSince(site, savedAt);
      results.push({
        edit: label,
        pageMs: t1 - t0,
        logLine: line.text.replace(/^.*articles: /, ""),
        pluginS: /in ([\d.]+) s$/.exec(line.text)?.[1] ?? "?",
        modified: modified.length,
      });
      await sleep(1500);
    };

    for (let e = 0; e < opts.edits; e++) {
      // Spread over the timeline: old, middle and recent articles (the newest are on the always-rendered home page).
      const body = articles[Math.floor(((e + 0.5) / opts.edits) * (articles.length - 50))] as { file: string; url: string };
      const marker = `Paragrafo aggiunto per la misura ${e + 1}.`;
      const page = join(site, body.url, "index.html");
      await save(`body #${e + 1}`, body.file, (t) => addParagraph(t, marker), () => readable(page)?.includes(marker) === true);

      const meta = articles[Math.floor(((e + 0.7) / opts.edits) * (articles.length - 50))] as { file: string; url: string };
      const title = `Titolo cambiato per la misura ${e + 1}`;
      const newPage = join(site, slugify(title), "index.html");
      const term = `Termine della misura ${e + 1}`;
      const termPage = join(site, scoring.base, slugify(term), "index.html");
      const list = new RegExp(`^${scoring.field}: \\[`, "m");
      await save(
        `title+${scoring.key} #${e + 1}`,
        meta.file,
        (t) => {
          if (!list.test(t)) throw new Error(`${meta.file}: no "${scoring.field}: [" line to add a term to`);
          return t.replace(/^title: .*$/m, `title: "${title}"`).replace(list, `${scoring.field}: ["${term}", `);
        },
        () => readable(newPage) !== undefined && readable(termPage)?.includes(title) === true,
      );
    }

    console.log("");
    console.log(
      formatTable(
        results.map((r) => ({
          edit: r.edit,
          "save → page on disk, s": (r.pageMs / 1000).toFixed(2),
          "plugin s": r.pluginS,
          "files modified": String(r.modified),
          "plugin log": r.logLine,
        })),
      ),
    );
    console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  } finally {
    if (server?.pid !== undefined) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // Already gone.
      }
    }
    if (opts.keep) console.log(`kept ${work}`);
    else {
      await sleep(1000);
      rmSync(work, { recursive: true, force: true });
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
