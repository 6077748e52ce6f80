/**
 * Putting a finished build in the place of the previous one. The site is built
 * in a folder of its own (marked as ours before Eleventy writes to it) and only
 * a successful build replaces the output: by renaming (atomic) beside the
 * output, or — for an output that cannot be renamed — entry by entry inside it.
 * Entries the site owns in its output (the keep-list) are moved into the new build.
 */
import { lstatSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { OutputPlan } from "./output-guard.ts";
import { MARKER, hasMarker, writeMarker } from "./output-marker.ts";

/** Folders of builds inside an output built in place (this one's, or another's still running or killed). */
export const OURS_INSIDE = /^\.editoriale-(building|previous)-(\d+)$/;

/** Where a build writes before it is published: beside the output, or hidden inside an output that cannot be renamed. */
export function buildFolderFor(plan: OutputPlan, pid: number): string {
  return plan.mode === "swap" ? `${plan.target}.building-${pid}` : path.join(plan.target, `.editoriale-building-${pid}`);
}

/** Where the previous site waits while the new one moves in, then is deleted. */
export function previousFolderFor(plan: OutputPlan, pid: number): string {
  return plan.mode === "swap" ? `${plan.target}.previous-${pid}` : path.join(plan.target, `.editoriale-previous-${pid}`);
}

/** A folder named with this process's number that exists already is a leftover whose number came round again: ours to replace if marked. */
function makeRoom(dir: string): void {
  if (!present(dir)) return;
  if (!hasMarker(dir)) throw new Error(`${dir} is in the way and was not made by Editoriale. Fix: remove or rename it, then build again`);
  removeOurs(dir);
}

export function prepareBuildFolder(dir: string): void {
  makeRoom(dir);
  mkdirSync(dir, { recursive: true });
  // First, so that a build killed at any moment leaves a folder the next build knows it may delete.
  writeMarker(dir);
}

/** Names of the keep-list that the build wrote itself: keeping the old one would silently drop the new one. */
export function keptCollisions(building: string, keep: readonly string[]): string[] {
  return keep.filter((name) => present(path.join(building, name)));
}

/** Moves the finished build into place; on failure the previous site is put back as it was, and the error rethrown. */
export function publish(plan: OutputPlan, building: string, keep: readonly string[], pid: number): { kept: string[] } {
  return plan.mode === "swap" ? swap(plan.target, building, previousFolderFor(plan, pid), keep) : replaceInPlace(plan.target, building, previousFolderFor(plan, pid), keep);
}

function swap(target: string, building: string, previous: string, keep: readonly string[]): { kept: string[] } {
  if (!present(target)) {
    renameSync(building, target);
    return { kept: [] };
  }
  makeRoom(previous);
  renameSync(target, previous);
  // A site built before the marker existed gets one, so that a kill while it is deleted leaves a folder known to be ours.
  if (!hasMarker(previous)) writeMarker(previous);
  const kept: string[] = [];
  try {
    for (const name of keep) {
      if (!present(path.join(previous, name))) continue;
      renameSync(path.join(previous, name), path.join(building, name));
      kept.push(name);
    }
    renameSync(building, target);
  } catch (error) {
    for (const name of kept) if (!present(path.join(previous, name))) renameSync(path.join(building, name), path.join(previous, name));
    renameSync(previous, target);
    throw error;
  }
  removeOurs(previous);
  return { kept };
}

/**
 * Not atomic: the old entries move aside and the new ones move in, one rename each
 * (no copy), so the folder is incomplete only for the time of those renames.
 */
function replaceInPlace(target: string, building: string, previous: string, keep: readonly string[]): { kept: string[] } {
  prepareBuildFolder(previous);
  const mine = new Set([MARKER, path.basename(building), path.basename(previous)]);
  const kept: string[] = [];
  for (const name of readdirSync(target)) {
    if (mine.has(name) || OURS_INSIDE.test(name)) continue;
    if (keep.includes(name)) kept.push(name);
    else renameSync(path.join(target, name), path.join(previous, name));
  }
  // The marker last, so that the build folder stays recognisably ours until it is empty.
  for (const name of readdirSync(building).sort((a, b) => Number(a === MARKER) - Number(b === MARKER))) {
    renameSync(path.join(building, name), path.join(target, name));
  }
  rmdirSync(building);
  removeOurs(previous);
  return { kept };
}

/** Deletes a folder of ours, its marker last: a deletion cut short leaves a folder still known to be ours. */
export function removeOurs(dir: string): void {
  if (!present(dir)) return;
  for (const name of readdirSync(dir)) if (name !== MARKER) rmSync(path.join(dir, name), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}

/** Whether anything is at the path, a dangling symlink included. */
export function present(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}
