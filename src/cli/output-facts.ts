/**
 * Reads, without changing anything, what output-guard.ts decides on: where
 * the output, the input and the site data really are (symlinks followed), what
 * the output holds, and the project's top-level entries.
 */
import { accessSync, constants, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { FolderState, OutputFacts, PathFacts, ProjectEntry } from "./output-guard.ts";
import { isEditorialeOutput } from "./output-marker.ts";

export interface FactsRequest {
  output: string;
  input: string;
  data: string;
  cwd: string;
  projectRoot: string;
  keep: readonly string[];
}

/** What the content folder given on the command line is: enough for `npm start`, which writes no published site. */
export function inputFacts(given: string, cwd: string): OutputFacts["input"] {
  const lexical = path.resolve(cwd, given);
  const real = realPath(lexical);
  return { given, lexical, real, kind: kindOf(real) };
}

export function gatherFacts(req: FactsRequest): OutputFacts {
  const at = (given: string): PathFacts => {
    const lexical = path.resolve(req.cwd, given);
    return { given, lexical, real: realPath(lexical) };
  };
  const roots = [...new Set([realPath(req.cwd), realPath(req.projectRoot)])];
  const entries: ProjectEntry[] = [];
  for (const root of new Set([path.resolve(req.cwd), path.resolve(req.projectRoot)])) {
    for (const name of readdirSync(root)) {
      const lexical = path.join(root, name);
      entries.push({ given: name, lexical, real: realPath(lexical), adoptable: adoptable(lexical, req.keep) });
    }
  }
  const input = at(req.input);
  const output = at(req.output);
  return {
    output: { ...output, state: folderState(output.real) },
    roots,
    entries,
    input: { ...input, kind: kindOf(input.real) },
    data: at(req.data),
    keep: req.keep,
  };
}

/**
 * The real path of a folder that may not exist yet: the real path of its nearest
 * existing ancestor, then the rest; a dangling symlink is followed to where it points.
 */
export function realPath(p: string): string {
  let current = path.resolve(p);
  const rest: string[] = [];
  for (let hops = 0; hops < 64; hops++) {
    try {
      return path.join(realpathSync(current), ...rest);
    } catch {
      const link = linkTarget(current);
      if (link !== undefined) {
        current = path.resolve(path.dirname(current), link);
        continue;
      }
      const parent = path.dirname(current);
      if (parent === current) break;
      rest.unshift(path.basename(current));
      current = parent;
    }
  }
  return path.join(current, ...rest);
}

function linkTarget(p: string): string | undefined {
  try {
    return readlinkSync(p);
  } catch {
    return undefined;
  }
}

function kindOf(p: string): "missing" | "file" | "dir" {
  try {
    return statSync(p).isDirectory() ? "dir" : "file";
  } catch {
    return "missing";
  }
}

function writable(p: string): boolean {
  try {
    accessSync(p, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function adoptable(p: string, keep: readonly string[]): boolean {
  if (kindOf(p) !== "dir") return false;
  try {
    return isEditorialeOutput(p) || readdirSync(p).every((name) => keep.includes(name));
  } catch {
    return false;
  }
}

function folderState(real: string): FolderState {
  const kind = kindOf(real);
  if (kind === "file") return { kind };
  if (kind === "missing") {
    let ancestor = path.dirname(real);
    while (kindOf(ancestor) === "missing" && path.dirname(ancestor) !== ancestor) ancestor = path.dirname(ancestor);
    return { kind, creatable: writable(ancestor), ancestor };
  }
  const parent = path.dirname(real);
  return {
    kind,
    entries: readdirSync(real).sort(),
    editoriale: isEditorialeOutput(real),
    mountPoint: lstatSync(real).dev !== lstatSync(parent).dev,
    parentWritable: writable(parent),
    writable: writable(real),
  };
}
