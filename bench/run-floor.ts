/**
 * Measure the floor (bench/floor.ts) on a synthetic corpus.
 *
 *   npx tsx bench/run-floor.ts [--count 1000] [--seed 1] [--runs 1] [--keep]
 *
 * Generates the corpus in a fresh folder under os.tmpdir() (never in the
 * repository), runs the floor as a child process (`node --import tsx
 * bench/floor.ts`, one process, no npx in the measurement) into a fresh
 * output folder per run, prints a table and removes the folder unless --keep.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "./corpus.ts";
import { formatTable, machineInfo, measure, measurementRow } from "./measure.ts";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..");

function parseArgs(argv: readonly string[]): { count: number; seed: number; runs: number; keep: boolean } {
  const opts = { count: 1000, seed: 1, runs: 1, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    if (flag === "--keep") {
      opts.keep = true;
      continue;
    }
    const value = inline ?? argv[++i];
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a non-negative integer`);
    if (flag === "--count") opts.count = n;
    else if (flag === "--seed") opts.seed = n;
    else if (flag === "--runs") opts.runs = Math.max(1, n);
    else throw new Error(`unknown option: ${flag}`);
  }
  return opts;
}

async function main(): Promise<void> {
  const { count, seed, runs, keep } = parseArgs(process.argv.slice(2));
  const m = machineInfo();
  console.log(
    `machine: ${m.cpus} × ${m.cpuModel}, ${m.totalMemGiB.toFixed(1)} GiB RAM (${m.freeMemGiB.toFixed(1)} free), ` +
      `node ${m.node}, ${m.platform}, load average ${m.loadAverage.map((l) => l.toFixed(2)).join(" ")}`,
  );

  const work = mkdtempSync(join(tmpdir(), "editoriale-floor-"));
  try {
    const content = join(work, "content");
    const t0 = performance.now();
    const corpus = generateCorpus({ count, seed, outDir: content });
    console.log(
      `corpus: ${corpus.articles} articles + ${corpus.dossiers} dossiers, ${corpus.words} words, ` +
        `seed ${seed}, generated in ${((performance.now() - t0) / 1000).toFixed(2)} s → ${content}`,
    );

    const rows: Array<Record<string, string>> = [];
    for (let r = 1; r <= runs; r++) {
      const output = join(work, `_site-${r}`);
      // Start each run with no dirty pages of earlier work pending (best effort).
      spawnSync("sync");
      const result = await measure(
        process.execPath,
        ["--import", "tsx", join(repo, "bench", "floor.ts"), "--input", content, "--output", output],
        { cwd: repo, outputDir: output },
      );
      if (r === 1) console.log(`command: (cd ${repo} && ${result.command})  [measured with ${result.method}]`);
      process.stdout.write(result.stdout);
      if (result.exitCode !== 0) {
        process.stderr.write(result.stderr);
        throw new Error(`floor exited with ${result.exitCode ?? result.signal}`);
      }
      rows.push(measurementRow(`floor ${count}${runs > 1 ? ` #${r}` : ""}`, result));
      if (!keep) rmSync(output, { recursive: true, force: true });
    }
    console.log("");
    console.log(formatTable(rows));
    console.log(`load average after: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  } finally {
    if (keep) console.log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
