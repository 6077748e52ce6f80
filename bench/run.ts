/**
 * `npm run bench`: the real theme against the floor, on the same synthetic corpus, in one run.
 *
 *   npx tsx bench/run.ts [--large] [--counts 1000,10000] [--seed 1] [--runs 1] [--no-search] [--no-warm] [--keep]
 *
 * For each size (1,000 and 10,000 articles; 50,000 too with --large) it
 * generates the corpus in a fresh folder under os.tmpdir() (never in the
 * repository), with site data made of the repository's `_data/site.json` and
 * an empty `terms.json`; builds it with the maintainer's command
 * (`npm run build -- --input=… --output=…`, EDITORIALE_DATA pointing at that
 * data); runs the floor (bench/floor.ts) on the same corpus and site data; and prints wall
 * time, CPU time, peak RSS, files written and ms per file of each, the ratios
 * build / floor, and the load average around each measurement (the machines
 * are shared: CPU time is the steadier figure). `--no-search` adds
 * `{"search": false}` as `editoriale.json`, to tell the Pagefind index's share;
 * with search on, Pagefind's processes (one per search bundle, each reaped
 * before the build ends, so in GNU time's CPU figure) are also shown from the
 * build's log line: their CPU time and the largest one's peak memory. `--runs N` also prints, per
 * size, the best of the N runs of each side and their ratio: on a shared
 * machine the disk and other users only ever add time.
 * After each run's floor, two warm builds, each `npm run build` again in a new
 * process with the build cache of the cold build (a fresh cache folder per
 * run, so the first build is cold) into the same output: one after a
 * paragraph added to one article's body, one after another article's new
 * title and added tag (bench/edits.ts); each is given as a ratio to the floor
 * of the same run. `--no-warm` leaves them out.
 * Everything it made is removed at the end unless --keep, and only then: on
 * ext4, creating files within a few minutes of deleting many others is slow
 * (the inode allocator skips recently deleted inodes: `recently_deleted` and
 * `find_inode_bit` in a kernel profile), so deleting one run's output before
 * the next run would slow whichever side ran first.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "./corpus.ts";
import { addParagraph, editFile, plainArticles, retitleAndTag } from "./edits.ts";
import { formatTable, machineInfo, measure, measurementRow, type Measurement } from "./measure.ts";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");

interface Options {
  counts: number[];
  seed: number;
  runs: number;
  search: boolean;
  keep: boolean;
  warm: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { counts: [1_000, 10_000], seed: 1, runs: 1, search: true, keep: false, warm: true };
  let large = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--large") large = true;
    else if (a === "--keep") opts.keep = true;
    else if (a === "--no-search") opts.search = false;
    else if (a === "--no-warm") opts.warm = false;
    else {
      const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${flag} needs a value`);
      if (flag === "--counts") opts.counts = value.split(",").map((v) => positive(flag, v));
      else if (flag === "--seed") opts.seed = positive(flag, value);
      else if (flag === "--runs") opts.runs = Math.max(1, positive(flag, value));
      else throw new Error(`unknown option: ${flag}`);
    }
  }
  if (large && !opts.counts.includes(50_000)) opts.counts.push(50_000);
  return opts;
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a non-negative integer, not ${value}`);
  return n;
}

/**
 * `[editoriale] search: … (Pagefind's processes: 21, 2 at a time, 12.34 s CPU, 320 MiB the largest, 610 MiB together
 * at most; with the build 980 MiB at most)` → their CPU (ms), the largest one's peak, the peak of those running at once
 * together, and the peak of the build and them together (KiB; the last two sampled every 100 ms by the build).
 */
function pagefindUsage(log: string): { cpuMs: number; concurrent: number; largestKiB: number; togetherKiB: number; withBuildKiB: number } | undefined {
  const match = /Pagefind's processes: \d+, (\d+) at a time, ([\d.]+) s CPU, (\d+) MiB the largest, (\d+) MiB together at most; with the build (\d+) MiB at most/.exec(log);
  if (!match) return undefined;
  const [, concurrent, cpu, largest, together, withBuild] = match.map(Number) as [number, number, number, number, number, number];
  return { cpuMs: cpu * 1000, concurrent, largestKiB: largest * 1024, togetherKiB: together * 1024, withBuildKiB: withBuild * 1024 };
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");

/** Starts with no dirty pages of earlier work pending (best effort), after a few seconds for the disk to calm down. */
function settle(): void {
  spawnSync("sync");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5_000);
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const m = machineInfo();
  console.log(
    `machine: ${m.cpus} × ${m.cpuModel}, ${m.totalMemGiB.toFixed(1)} GiB RAM (${m.freeMemGiB.toFixed(1)} free), ` +
      `node ${m.node}, ${m.platform}`,
  );
  const work = mkdtempSync(join(tmpdir(), "editoriale-bench-"));
  const rows: Array<Record<string, string>> = [];
  const ratios: Array<Record<string, string>> = [];
  const warmRatios: Array<Record<string, string>> = [];
  const builds = new Map<number, Measurement>();
  try {
    const data = join(work, "data");
    mkdirSync(data);
    cpSync(join(repo, "_data", "site.json"), join(data, "site.json"));
    writeFileSync(join(data, "terms.json"), "{}\n");
    if (!opts.search) writeFileSync(join(data, "editoriale.json"), `${JSON.stringify({ search: false })}\n`);

    for (const count of opts.counts) {
      const content = join(work, `content-${count}`);
      const t0 = performance.now();
      const corpus = generateCorpus({ count, seed: opts.seed, outDir: content });
      console.log(
        `\ncorpus: ${corpus.articles} articles + ${corpus.dossiers} dossiers, ${corpus.words} words, seed ${opts.seed}, ` +
          `generated in ${((performance.now() - t0) / 1000).toFixed(1)} s → ${content}`,
      );
      const runs: Array<{ build: Measurement; floor: Measurement }> = [];
      for (let r = 1; r <= opts.runs; r++) {
        const suffix = opts.runs > 1 ? ` #${r}` : "";
        const site = join(work, `site-${count}-${r}`);
        const floorOut = join(work, `floor-${count}-${r}`);

        // A build cache and a search cache of their own for each run: its first build is cold, the warm ones use what it left.
        const env = { ...process.env, EDITORIALE_DATA: data, EDITORIALE_BUILD_CACHE: join(work, `cache-${count}-${r}`), EDITORIALE_SEARCH_CACHE: join(work, `search-cache-${count}-${r}`) };
        const runBuild = async (label: string): Promise<{ build: Measurement; load: string }> => {
          settle();
          const before = load();
          const build = await measure("npm", ["run", "build", "--", `--input=${content}`, `--output=${site}`], { cwd: repo, env, outputDir: site });
          check(label, build);
          console.log(`  ${label}:`);
          for (const line of `${build.stdout}\n${build.stderr}`.split("\n")) {
            if (/\[editoriale\] (\d+ articles: wrote|search:|build cache)|\[11ty\] .*Wrote/.test(line)) console.log(`    ${line.trim()}`);
          }
          return { build, load: before };
        };
        const { build, load: buildLoad } = await runBuild("build");
        if (r === 1 && count === opts.counts[0]) console.log(`build command: (cd ${repo} && EDITORIALE_DATA=${data} EDITORIALE_BUILD_CACHE=${env.EDITORIALE_BUILD_CACHE} ${build.command})  [measured with ${build.method}]`);

        settle();
        const floorLoad = load();
        const floor = await measure(process.execPath, ["--import", "tsx", join(repo, "bench", "floor.ts"), "--input", content, "--output", floorOut, "--data", data], {
          cwd: repo,
          outputDir: floorOut,
        });
        check("floor", floor);
        if (r === 1 && count === opts.counts[0]) console.log(`floor command: (cd ${repo} && ${floor.command})`);

        // Pagefind runs one process per search bundle (up to two at once), stopped and reaped after each: GNU time
        // counts their CPU time already (its peak RSS is the largest single process: the build's). The build logs
        // their CPU time, the largest one's peak memory and the peak of those running at once together, shown in
        // their own columns; "build + Pagefind" adds the latter to the build's peak (an upper bound: the two peaks
        // need not coincide), and the build's own sample of both at once is beside it.
        const pagefind = pagefindUsage(build.stdout);
        runs.push({ build, floor });
        rows.push({ ...measurementRow(`build ${count}${suffix}`, build), "load before": buildLoad });
        rows.push({ ...measurementRow(`floor ${count}${suffix}`, floor), "load before": floorLoad });
        ratios.push({
          articles: `${count}${suffix}`,
          "wall build/floor": ratio(build.wallMs, floor.wallMs),
          "CPU build/floor": ratio(build.cpuMs, floor.cpuMs),
          "user build/floor": ratio(build.userMs, floor.userMs),
          "peak RSS build MiB": build.peakRssKiB === null ? "–" : (build.peakRssKiB / 1024).toFixed(0),
          "Pagefind CPU s / largest / together MiB (at once)": pagefind
            ? `${(pagefind.cpuMs / 1000).toFixed(2)} / ${(pagefind.largestKiB / 1024).toFixed(0)} / ${(pagefind.togetherKiB / 1024).toFixed(0)} (${pagefind.concurrent})`
            : "–",
          "files build / floor": `${build.files ?? "–"} / ${floor.files ?? "–"}`,
          "build + Pagefind peak MiB (sampled)": build.peakRssKiB === null
            ? "–"
            : `${((build.peakRssKiB + (pagefind?.togetherKiB ?? 0)) / 1024).toFixed(0)}${pagefind ? ` (${(pagefind.withBuildKiB / 1024).toFixed(0)})` : ""}`,
        });
        if (!opts.warm) continue;
        // Warm builds: a new process each, after one edit, with the cache the cold build left.
        const articles = plainArticles(content);
        const middle = (at: number) => (articles[Math.floor(at * (articles.length - 1))] as { file: string }).file;
        editFile(middle(0.5), (t) => addParagraph(t, `Paragrafo aggiunto per la misura ${r}: il piano regionale per la non autosufficienza.`));
        const body = await runBuild("warm build after a body edit");
        editFile(middle(0.3), (t) => retitleAndTag(t, `Titolo cambiato per la misura ${r}`, `Tag della misura ${r}`));
        const meta = await runBuild("warm build after a title and tag edit");
        for (const [label, warm] of [["body edit", body], ["title+tag edit", meta]] as const) {
          rows.push({ ...measurementRow(`warm ${label} ${count}${suffix}`, warm.build), "load before": warm.load });
          warmRatios.push({
            articles: `${count}${suffix}`,
            edit: label,
            "wall warm/floor": ratio(warm.build.wallMs, floor.wallMs),
            "CPU warm/floor": ratio(warm.build.cpuMs, floor.cpuMs),
            "user warm/floor": ratio(warm.build.userMs, floor.userMs),
            "peak RSS MiB": warm.build.peakRssKiB === null ? "–" : (warm.build.peakRssKiB / 1024).toFixed(0),
            reused: /(\d+) reused from the previous build/.exec(warm.build.stdout)?.[1] ?? "0",
            written: /articles: wrote (\d+) files/.exec(warm.build.stdout)?.[1] ?? "–",
          });
        }
      }
      // With several runs, the best of each side: disk and neighbours only ever add time.
      const best = { build: fastest(runs.map((r) => r.build)), floor: fastest(runs.map((r) => r.floor)) };
      builds.set(count, best.build);
      if (opts.runs > 1) {
        ratios.push({
          articles: `${count} best of ${opts.runs}`,
          "wall build/floor": ratio(best.build.wallMs, best.floor.wallMs),
          "CPU build/floor": ratio(best.build.cpuMs, best.floor.cpuMs),
          "user build/floor": ratio(best.build.userMs, best.floor.userMs),
        });
      }
    }
    console.log("");
    console.log(formatTable(rows));
    console.log("");
    console.log(formatTable(ratios));
    if (warmRatios.length > 0) {
      console.log("");
      console.log(formatTable(warmRatios));
    }
    // Linear cost: the build of five times the articles should take about five times as long.
    const [ten, fifty] = [builds.get(10_000), builds.get(50_000)];
    if (ten && fifty) {
      console.log(`\nbuild 50,000 / build 10,000: wall ${ratio(fifty.wallMs, ten.wallMs)}, CPU ${ratio(fifty.cpuMs, ten.cpuMs)}, user ${ratio(fifty.userMs, ten.userMs)}`);
    }
    console.log(`load average after: ${load()}`);
  } finally {
    if (opts.keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

/** The run with the least wall time, with the least CPU and user time of all runs (each its own minimum). */
function fastest(runs: readonly Measurement[]): Measurement {
  const least = (pick: (m: Measurement) => number | null): number | null =>
    runs.reduce<number | null>((min, m) => {
      const v = pick(m);
      return v === null ? min : min === null ? v : Math.min(min, v);
    }, null);
  const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs)[0] as Measurement;
  return { ...byWall, cpuMs: least((m) => m.cpuMs), userMs: least((m) => m.userMs) };
}

function ratio(a: number | null, b: number | null): string {
  return a === null || b === null || b === 0 ? "–" : `${(a / b).toFixed(2)}×`;
}

function check(what: string, result: Measurement): void {
  if (result.exitCode === 0) return;
  process.stderr.write(result.stdout + result.stderr);
  throw new Error(`${what} exited with ${result.exitCode ?? result.signal}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
