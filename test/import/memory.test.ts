import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeLargeExport } from "./helpers/generate-wxr.ts";
import { projectRoot, tempDir } from "./helpers/tree.ts";

interface Measure {
  maxRssMb: number;
  /** Heap still in use once the import is done and garbage is collected: what the import keeps. */
  retainedMb: number;
  articles: number;
  dossiers: number;
  created: number;
}

/** Imports `file` in a fresh Node process and returns its peak resident memory. */
function measure(file: string, dir: string): Measure {
  const entry = pathToFileURL(join(projectRoot, "src/import/index.ts")).href;
  const code = `
    import { importWxr } from ${JSON.stringify(entry)};
    const report = await importWxr({ file: ${JSON.stringify(file)}, out: ${JSON.stringify(join(dir, "content"))}, data: ${JSON.stringify(join(dir, "_data"))}, timeZone: "Europe/Rome" });
    globalThis.gc();
    const retainedMb = Math.round(process.memoryUsage().heapUsed / 1_048_576);
    console.log(JSON.stringify({ maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), retainedMb, articles: report.written.articles, dossiers: report.written.dossiers, created: report.files.created }));
  `;
  const { FORCE_COLOR: _color, ...env } = process.env;
  const run = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "--input-type=module", "-e", code], { encoding: "utf8", env, cwd: projectRoot });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as Measure;
}

test("a generated 2,000-post export streams through with flat memory (peak reported, not timed)", async () => {
  const dir = await tempDir("memory");
  const small = join(dir, "200.xml");
  const large = join(dir, "2000.xml");
  await writeLargeExport(small, 200);
  await writeLargeExport(large, 2000);
  const smallRun = measure(small, join(dir, "out-200"));
  const largeRun = measure(large, join(dir, "out-2000"));
  const mb = async (file: string) => ((await stat(file)).size / 1_048_576).toFixed(1);
  console.log(
    `\n  200 posts (${await mb(small)} MB export): peak RSS ${smallRun.maxRssMb} MB, heap kept ${smallRun.retainedMb} MB` +
      `\n  2,000 posts (${await mb(large)} MB export): peak RSS ${largeRun.maxRssMb} MB, heap kept ${largeRun.retainedMb} MB`,
  );
  assert.equal({ articles: largeRun.articles, dossiers: largeRun.dossiers, created: largeRun.created }, { articles: 2000, dossiers: 20, created: 2020 });
  // Loose bounds: the point is the report above, and that ten times the posts is not ten times the memory.
  assert.ok(largeRun.maxRssMb < 512, `peak ${largeRun.maxRssMb} MB`);
  assert.ok(largeRun.maxRssMb < smallRun.maxRssMb * 3, `${smallRun.maxRssMb} MB → ${largeRun.maxRssMb} MB`);
  assert.ok(largeRun.retainedMb < 64, `heap kept ${largeRun.retainedMb} MB`);
});

test.run();
