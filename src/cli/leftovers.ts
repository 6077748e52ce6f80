/**
 * Folders left by builds that were killed (kill -9, a machine that stopped):
 * `<output>.building-<pid>` and `<output>.previous-<pid>` beside the output, or
 * `.editoriale-building-<pid>` / `.editoriale-previous-<pid>` inside an output built
 * in place. One is removed only when its process is gone AND it carries the marker:
 * a folder not provably ours is never deleted. Before that, what it holds of the
 * site is given back: a swap killed between its renames left no output (the
 * previous site comes back), and entries of the keep-list go back to the output.
 */
import { readdirSync, renameSync, statSync } from "node:fs";
import path from "node:path";
import { OURS_INSIDE, present, removeOurs } from "./atomic-output.ts";
import type { OutputPlan } from "./output-guard.ts";
import { MARKER, hasMarker, markerProcesses } from "./output-marker.ts";

interface Leftover {
  dir: string;
  kind: "building" | "previous";
  inside: boolean;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Cleans the leftovers of killed builds of this output; returns what it did, one sentence each, for the log. */
export function cleanLeftovers(plan: OutputPlan, keep: readonly string[], alive: (pid: number) => boolean = isAlive): string[] {
  const { target } = plan;
  const base = path.basename(target);
  const beside = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(building|previous)-(\\d+)$`);
  const leftovers = [...find(path.dirname(target), beside, false), ...find(target, OURS_INSIDE, true)].filter(
    (l) => hasMarker(l.dir) && ![Number(path.basename(l.dir).replace(/^.*-/, "")), ...markerProcesses(l.dir)].some(alive),
  );
  const log: string[] = [];
  const shown = (dir: string) => path.relative(path.dirname(target), dir);

  if (!present(target)) {
    const newest = leftovers.filter((l) => l.kind === "previous" && !l.inside).sort((a, b) => statSync(b.dir).mtimeMs - statSync(a.dir).mtimeMs)[0];
    if (newest) {
      renameSync(newest.dir, target);
      leftovers.splice(leftovers.indexOf(newest), 1);
      log.push(`${shown(newest.dir)}, the site before a build that was killed while moving into place, is back as ${base}`);
    }
  }
  for (const leftover of leftovers) {
    // Built in place, the old entries wait in the previous folder: any the output lacks go back, so that it is whole.
    const names = leftover.inside && leftover.kind === "previous" ? readdirSync(leftover.dir).filter((n) => n !== MARKER) : keep;
    const back = present(target) ? names.filter((n) => present(path.join(leftover.dir, n)) && !present(path.join(target, n))) : [];
    try {
      for (const name of back) renameSync(path.join(leftover.dir, name), path.join(target, name));
      removeOurs(leftover.dir);
      log.push(`removed ${shown(leftover.dir)}, left by a build that was killed${back.length > 0 ? ` (moved back into ${base}: ${back.join(", ")})` : ""}`);
    } catch (error) {
      log.push(`could not remove ${shown(leftover.dir)}, left by a build that was killed: ${(error as Error).message}`);
    }
  }
  return log;
}

function find(dir: string, pattern: RegExp, inside: boolean): Leftover[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const match = pattern.exec(name);
    return match ? [{ dir: path.join(dir, name), kind: match[1] as Leftover["kind"], inside }] : [];
  });
}
