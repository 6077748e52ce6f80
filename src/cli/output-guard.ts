/**
 * Which folders `npm run build` may replace with a site, decided from facts
 * gathered beforehand (output-facts.ts), without touching anything. A build
 * replaces its output whole, so an output that is, holds or lies in something
 * else — the project, the articles, the site data, a folder the user filled —
 * would delete it: those are refused with one sentence saying why and what to do.
 */
import path from "node:path";
import { MARKER } from "./output-marker.ts";
import { isInside } from "../eleventy/display-path.ts";

export type FolderState =
  | { kind: "missing"; creatable: boolean; ancestor: string }
  | { kind: "file" }
  | { kind: "dir"; entries: readonly string[]; editoriale: boolean; mountPoint: boolean; parentWritable: boolean; writable: boolean };

/** A path as the user wrote it, resolved against the working folder, and with every symlink followed. */
export interface PathFacts {
  given: string;
  lexical: string;
  real: string;
}

export interface ProjectEntry extends PathFacts {
  /** A folder a build may take over: one Editoriale wrote, or one holding only keep-list entries (or nothing). */
  adoptable: boolean;
}

export interface OutputFacts {
  output: PathFacts & { state: FolderState };
  /** The working folder and the project (where package.json is), real paths. */
  roots: readonly string[];
  /** Top-level entries of the roots. */
  entries: readonly ProjectEntry[];
  input: PathFacts & { kind: "missing" | "file" | "dir" };
  data: PathFacts;
  keep: readonly string[];
}

export interface OutputPlan {
  /** The real folder that is replaced (a symlinked output is followed to it). */
  target: string;
  /** How the user named it, for messages. */
  shown: string;
  /**
   * "swap": built in a sibling folder and renamed into place (atomic). "in-place": the
   * output cannot be renamed (a mount point, or its parent is not writable), so the site
   * is built in a hidden folder inside it and its entries are replaced one by one.
   */
  mode: "swap" | "in-place";
}

export interface Refusal {
  field: string;
  message: string;
  fix: string;
}

export function formatRefusal(r: Refusal, command = "npm run build"): string {
  return `${command} → ${r.field}: ${r.message}. Fix: ${r.fix}`;
}

/** Folders of a project that a build must never write into, even below the top level. */
const STORES = new Set([".git", "node_modules"]);

const OWN_FOLDER = "build into a folder of its own, e.g. --output=_site (the default)";

export function checkOutput(facts: OutputFacts): { refusal: Refusal } | { plan: OutputPlan } {
  const { output, input, data } = facts;
  const field = `--output=${output.given}`;
  const refuse = (message: string, fix = OWN_FOLDER) => ({ refusal: { field, message, fix } });
  const shown = display(output);

  for (const name of facts.keep) {
    if (name === MARKER) return { refusal: { field: `--keep=${name}`, message: `${MARKER} is the marker every build writes, it cannot come from the previous site`, fix: "remove it from --keep and EDITORIALE_KEEP" } };
    if (name === "" || name === "." || name === ".." || /[/\\]/.test(name)) {
      return { refusal: { field: `--keep=${name}`, message: "the keep-list takes names of entries at the top of the output folder, not paths", fix: "write one name per --keep, e.g. --keep=CNAME --keep=.well-known" } };
    }
  }

  if (output.given.trim() === "") {
    return refuse("the output folder is an empty name (as --output=$OUT gives when OUT is unset), which would mean the project folder", "name the folder, e.g. --output=_site, or leave --output out to build into _site");
  }
  if (path.dirname(output.real) === output.real) return refuse(`${shown} is the root of the file system, which the build would replace with the site`);
  for (const root of facts.roots) {
    if (output.real === root) return refuse(`${shown} is the project folder: the build would replace it with the site, deleting src, content and .git`);
    if (isInside(root, output.real)) return refuse(`${shown} contains the project (${root}): the build would replace it with the site, deleting the project`);
  }
  for (const [what, folder] of [["content folder (--input)", input], ["site data folder (_data, or EDITORIALE_DATA)", data]] as const) {
    const where = display(folder);
    if (output.real === folder.real) return refuse(`${shown} is the ${what}: the build would replace it with the site, deleting its files`);
    if (isInside(output.real, folder.real)) return refuse(`${shown} is inside ${where}, the ${what}: the site would be mixed with the files it is built from`, `${OWN_FOLDER}, outside ${where}`);
    if (isInside(folder.real, output.real)) return refuse(`${shown} contains ${where}, the ${what}: the build would replace it with the site, deleting its files`, `${OWN_FOLDER}, outside ${where}`);
  }
  for (const entry of facts.entries) {
    const same = output.real === entry.real || output.lexical === entry.lexical;
    if (same && !entry.adoptable) return refuse(`${shown} is part of the project (${path.basename(entry.lexical)}), not a site Editoriale built: the build would replace it with the site`, "pick a new folder, e.g. --output=_site (the default)");
    const name = path.basename(entry.lexical);
    if (STORES.has(name) && (isInside(output.real, entry.real) || isInside(output.lexical, entry.lexical))) {
      return refuse(`${shown} is inside the project's ${name}`, "pick a new folder outside it, e.g. --output=_site (the default)");
    }
  }

  const state = output.state;
  if (state.kind === "file") return refuse(`${shown} is a file, not a folder`, "remove the file, or pick another folder, e.g. --output=_site");
  if (state.kind === "missing") {
    if (!state.creatable) return refuse(`${shown} cannot be created: ${state.ancestor} is not writable`, "pick a folder you can write into, or change the permissions of that folder");
  } else {
    const foreign = state.entries.filter((name) => !facts.keep.includes(name));
    if (!state.editoriale && foreign.length > 0) {
      const listed = foreign.slice(0, 3).join(", ") + (foreign.length > 3 ? ", …" : "");
      return refuse(
        `${shown} holds ${foreign.length === 1 ? "1 entry" : `${foreign.length} entries`} (${listed}) and no ${MARKER}: it was not written by Editoriale, and the build would replace it`,
        `empty the folder (move its files away), or pick another one — a new folder or one an Editoriale build wrote; files the site owns there are carried over with --keep=NAME`,
      );
    }
    if (state.mountPoint || !state.parentWritable) {
      if (!state.writable) return refuse(`${shown} cannot be replaced: it is ${state.mountPoint ? "a mount point" : "in a folder that is not writable"} and is not writable itself`, "make the folder writable, or pick another one");
      return { plan: { target: output.real, shown, mode: "in-place" } };
    }
  }
  return { plan: { target: output.real, shown, mode: "swap" } };
}


/** The path as given, and the real folder it names (after `..` and symlinks) when that reads differently. */
function display(p: PathFacts): string {
  const given = p.given.trim() === "" ? "(empty)" : p.given;
  return given === p.real ? given : `${given} (${p.real})`;
}

/** The content folder must be a folder: Eleventy would otherwise stop with a stack trace, or build an empty site. */
export function checkInput(input: OutputFacts["input"]): Refusal | undefined {
  if (input.kind === "dir") return undefined;
  const what = input.kind === "missing" ? "does not exist" : "is a file, not a folder";
  return { field: `--input=${input.given}`, message: `${display(input)} ${what}`, fix: "give the folder that holds the articles, e.g. --input=content (the default)" };
}
