/**
 * `npm start [-- --input=DIR --port=N]`: Eleventy's dev server with live reload and drafts. A missing or
 * wrong `--input` is one line before Eleventy starts (Eleventy itself throws a stack trace for it).
 */
import { spawn } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";
import { parseBuildArgs } from "../src/cli/build-args.ts";
import { inputFacts } from "../src/cli/output-facts.ts";
import { checkInput, formatRefusal } from "../src/cli/output-guard.ts";
import { childProgressSetting } from "../src/cli/progress-setting.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const ELEVENTY = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");

const args = process.argv.slice(2);
const refusal = checkInput(inputFacts(parseBuildArgs(args, {}).input ?? "content", process.cwd()));
if (refusal) {
  console.error(formatRefusal(refusal, "npm start"));
  process.exitCode = 1;
} else {
  const child = spawn(process.execPath, ["--import", "tsx", ELEVENTY, "--config=.eleventy.ts", "--serve", "--quiet", ...args], {
    stdio: "inherit",
    env: { ...process.env, EDITORIALE_PROGRESS: childProgressSetting(args, process.env) },
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => child.kill(signal));
  child.on("close", (code, signal) => (process.exitCode = code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 0)));
}
