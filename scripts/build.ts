/**
 * `npm run build [-- --input=DIR --output=DIR]`: Eleventy with the project's
 * configuration, written atomically. The site is built into a fresh sibling
 * folder (`_site.building-<pid>`) and swapped into place only if the build
 * succeeds, so that the output folder is always a complete build: the new one,
 * or — after a failure — the previous one, untouched. A fresh folder also means
 * that an article deleted since the last build leaves no page behind.
 */
import { spawn } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const ELEVENTY = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");

/** The output folder asked for (`--output=DIR` or `--output DIR`, Eleventy's default `_site`), and the other arguments. */
export function splitOutput(args: readonly string[]): { output: string; rest: string[] } {
  let output = "_site";
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg.startsWith("--output=")) output = arg.slice("--output=".length);
    else if (arg === "--output" && i + 1 < args.length) output = args[++i] ?? output;
    else rest.push(arg);
  }
  return { output: path.resolve(output), rest };
}

function runEleventy(args: readonly string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", ELEVENTY, "--config=.eleventy.ts", "--quiet", ...args], { cwd: process.cwd(), stdio: "inherit" });
    const stop = (signal: NodeJS.Signals) => child.kill(signal);
    process.once("SIGINT", stop).once("SIGTERM", stop);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Puts the new build where the old one was; the old one is removed only once the new one is in place. */
function swap(building: string, output: string): void {
  const previous = `${output}.previous-${process.pid}`;
  if (existsSync(output)) renameSync(output, previous);
  renameSync(building, output);
  rmSync(previous, { recursive: true, force: true });
}

async function main(): Promise<number> {
  const { output, rest } = splitOutput(process.argv.slice(2));
  if (rest.some((arg) => /^--(serve|watch)\b/.test(arg))) {
    console.error("scripts/build.ts writes a finished site; for a live preview run `npm start`.");
    return 2;
  }
  const building = `${output}.building-${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  const code = await runEleventy([...rest, `--output=${building}`]);
  if (code !== 0) {
    rmSync(building, { recursive: true, force: true });
    const kept = existsSync(output) ? `${path.relative(process.cwd(), output) || "."} still holds the previous build` : "nothing was published";
    console.error(`The build failed: ${kept}.`);
    return code;
  }
  swap(building, output);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exitCode = await main();
}
