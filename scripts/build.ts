/**
 * `npm run build [-- --input=DIR --output=DIR --keep=NAME --allow-empty]`:
 * Eleventy with the project's configuration, written safely. Before anything
 * runs, an output that would take something else with it (the project, the
 * articles, a folder Editoriale did not write…) is refused (src/cli/output-guard.ts).
 * The site is built into a fresh folder and replaces the output only if the
 * build succeeds, so that the output is always a complete build: the new one,
 * or — after a failure — the previous one, untouched (src/cli/atomic-output.ts).
 * Where the build writes and what it refuses: README "Deploy", docs/deploy.md.
 */
import { spawn } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";
import { parseBuildArgs } from "../src/cli/build-args.ts";
import { buildFolderFor, keptCollisions, prepareBuildFolder, present, publish, removeOurs } from "../src/cli/atomic-output.ts";
import { cleanLeftovers } from "../src/cli/leftovers.ts";
import { gatherFacts } from "../src/cli/output-facts.ts";
import { checkInput, checkOutput, formatRefusal } from "../src/cli/output-guard.ts";
import { hasMarker, isFinishedSite, writeMarker } from "../src/cli/output-marker.ts";
import { buildTree, linkReused, publishedTree, takeReusedList, updateInPlace, updatePays, type Scanned } from "../src/cli/update-in-place.ts";
import { compiledConfig } from "../src/cli/compiled-config.ts";
import { BUILD_CACHE_DIR } from "../src/eleventy/build-cache.ts";
import { childProgressSetting } from "../src/cli/progress-setting.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const ELEVENTY = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");

/**
 * Eleventy with the project's configuration: its JavaScript copy (src/cli/compiled-config.ts), or through tsx
 * when there is none or EDITORIALE_TSX=1 asks for it.
 */
async function eleventyCommand(env: NodeJS.ProcessEnv): Promise<string[]> {
  const tsx = ["--import", "tsx", ELEVENTY, "--config=.eleventy.ts"];
  if (env.EDITORIALE_TSX === "1") return tsx;
  const compiled = await compiledConfig(ROOT, ".eleventy.ts");
  if ("config" in compiled) return ["--enable-source-maps", ELEVENTY, `--config=${compiled.config}`];
  console.log(`[editoriale] .eleventy.ts runs through tsx: ${compiled.fallback}`);
  return tsx;
}

function runEleventy(command: readonly string[], args: readonly string[], env: NodeJS.ProcessEnv, started: (pid: number) => void): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...command, "--quiet", ...args], { cwd: process.cwd(), stdio: "inherit", env });
    if (child.pid !== undefined) started(child.pid);
    // Forwarded, so that Eleventy stops first and this script can still remove the unfinished build.
    const stop = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, stop);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 0)));
  });
}

/**
 * The build cache (src/eleventy/build-cache.ts): its folder — EDITORIALE_BUILD_CACHE, or "off" for none —
 * and the published site, which unchanged pages are linked from only if it bears our marker.
 */
function buildCacheEnv(target: string): NodeJS.ProcessEnv {
  const setting = process.env.EDITORIALE_BUILD_CACHE;
  if (setting === "off") return {};
  // A finished site of ours is updated in place (src/cli/update-in-place.ts): its unchanged files stay where they are.
  const update = isFinishedSite(target) && process.env.EDITORIALE_UPDATE_IN_PLACE !== "0";
  return {
    EDITORIALE_BUILD_CACHE: path.resolve(setting || BUILD_CACHE_DIR),
    EDITORIALE_PREVIOUS_OUTPUT: hasMarker(target) ? target : "",
    EDITORIALE_UPDATE_IN_PLACE: update ? "1" : "0",
  };
}

/** publishedTree, or undefined when the site cannot be walked now: the update walks it then, and says what is wrong. */
function walkedDuringBuild(target: string, building: string, keep: readonly string[]): Scanned | undefined {
  try {
    return publishedTree(target, building, keep);
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const args = parseBuildArgs(process.argv.slice(2), process.env);
  if (args.live) {
    console.error("scripts/build.ts writes a finished site; for a live preview run `npm start`.");
    return 2;
  }
  const facts = gatherFacts({
    output: args.output,
    input: args.input ?? "content",
    data: process.env.EDITORIALE_DATA ?? path.join(ROOT, "_data"),
    cwd: process.cwd(),
    projectRoot: ROOT,
    keep: args.keep,
  });
  const checked = checkOutput(facts);
  const refusal = checkInput(facts.input) ?? ("refusal" in checked ? checked.refusal : undefined);
  if (refusal || !("plan" in checked)) {
    if (refusal) console.error(formatRefusal(refusal));
    return 1;
  }
  const { plan } = checked;
  for (const line of cleanLeftovers(plan, args.keep)) console.log(`[editoriale] ${line}`);
  const building = buildFolderFor(plan, process.pid);
  if (plan.mode === "in-place") {
    console.log(`[editoriale] ${plan.shown} cannot be renamed (a mount point, or its folder is not writable): the site is built in ${path.basename(building)} inside it, then its entries replace the old ones one by one — not atomic.`);
  }
  prepareBuildFolder(building);
  const env: NodeJS.ProcessEnv = {
    // Eleventy's resolver hook is for --watch (a changed file imported again); a one-off build has none, and on
    // Node 20 the hook sends every import of the process through a worker thread (~0.1 s of its start).
    ELEVENTY_SKIP_ESM_RESOLVER: "1",
    ...process.env,
    EDITORIALE_PROGRESS: childProgressSetting(args.eleventy, process.env),
    ...(args.allowEmpty ? { EDITORIALE_ALLOW_EMPTY: "1" } : {}),
    ...buildCacheEnv(plan.target),
  };
  const eleventy = runEleventy(await eleventyCommand(process.env), [...args.eleventy, `--output=${building}`], env, (pid) => writeMarker(building, [process.pid, pid]));
  // The published site as an update in place will find it, walked while Eleventy runs (on the core it does not use yet).
  const found = env.EDITORIALE_UPDATE_IN_PLACE === "1" ? walkedDuringBuild(plan.target, building, args.keep) : undefined;
  const code = await eleventy;
  if (code !== 0) {
    removeOurs(building);
    console.error(`The build failed: ${present(plan.target) ? `${plan.shown} still holds the previous build` : "nothing was published"}.`);
    return code;
  }
  writeMarker(building);
  const collisions = keptCollisions(building, args.keep);
  if (collisions.length > 0) {
    removeOurs(building);
    const names = collisions.join(", ");
    console.error(`npm run build → --keep=${collisions[0]}: the build writes ${names} itself, which the keep-list says to carry from the previous site; ${plan.shown} still holds the previous build. Fix: take ${names} out of --keep / EDITORIALE_KEEP, or stop the site from writing it`);
    return 1;
  }
  const reused = takeReusedList(building);
  try {
    const tree = reused && buildTree(building);
    if (reused && tree && updatePays(reused, tree)) {
      const { kept, moved, removed } = updateInPlace(plan.target, building, reused, tree, args.keep, found);
      removeOurs(building);
      console.log(`[editoriale] ${plan.shown} updated in place: ${moved} ${moved === 1 ? "file" : "files"} written, ${removed} removed, ${reused.files.length} unchanged`);
      if (kept.length > 0) console.log(`[editoriale] kept from the previous site: ${kept.join(", ")}`);
      return 0;
    }
    // Too much changed for an update to pay: the reused files are linked into the build, which replaces the site whole.
    if (reused) linkReused(plan.target, building, reused);
  } catch (error) {
    // Nothing published yet, or an update cut short (the marker says so: the next build is a full one).
    removeOurs(building);
    console.error(`npm run build → ${plan.shown}: ${(error as Error).message}`);
    return 1;
  }
  try {
    const { kept } = publish(plan, building, args.keep, process.pid);
    if (kept.length > 0) console.log(`[editoriale] kept from the previous site: ${kept.join(", ")}`);
  } catch (error) {
    // Nothing is deleted here: the build folder may hold kept entries of the site; the next build gives them back and tidies up.
    console.error(`npm run build → ${plan.shown}: the new site could not be moved into place (${(error as Error).message}); the next build puts back what the output lacks and removes the folders left by this one. Fix: check the permissions of the folder and build again`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  try {
    process.exitCode = await main();
  } catch (error) {
    // A file-system error (permissions, a full disk) is the user's to act on: one line, no stack trace.
    const message = (error as Error).message;
    console.error(`npm run build: ${message}${message.includes("Fix:") ? "" : ". Fix: check the folders named above and build again"}`);
    process.exitCode = 1;
  }
}
