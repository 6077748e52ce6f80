import { mkdtempSync, rmSync } from "node:fs";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

/** Helpers shared by the import tests (no test of their own). */

export const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/wxr/${name}`, import.meta.url));

export const projectRoot = fileURLToPath(new URL("../../../", import.meta.url));

let root: string | undefined;

/** A fresh folder under one per-process folder in os.tmpdir(), removed when the test process exits. */
export function tempDir(label: string): Promise<string> {
  if (root === undefined) {
    const made = mkdtempSync(join(tmpdir(), "editoriale-import-"));
    root = made;
    process.on("exit", () => rmSync(made, { recursive: true, force: true }));
  }
  return mkdtemp(join(root, `${label}-`));
}

/** Every file under `dir`, as sorted "/"-separated paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

export interface MarkdownFile {
  data: Record<string, unknown>;
  body: string;
  text: string;
}

/** Splits a Markdown file into its YAML front matter (parsed) and body. */
export async function readMarkdown(file: string): Promise<MarkdownFile> {
  const text = await readFile(file, "utf8");
  const match = /^---\n([\s\S]*?)\n---\n\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: no front matter`);
  const data: unknown = parse(match[1] ?? "");
  return { data: data as Record<string, unknown>, body: match[2] ?? "", text };
}

export async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, "utf8"));
}
