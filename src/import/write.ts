import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * What happened to one output file. An existing file with other content is
 * "kept" unless the import was told to overwrite (`--force`): a re-import
 * never destroys an edit made after the first one.
 */
export type WriteOutcome = "created" | "unchanged" | "overwritten" | "kept";

export async function writeOutput(file: string, content: string, force: boolean): Promise<WriteOutcome> {
  const existing = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (existing === content) return "unchanged";
  if (existing !== undefined && !force) return "kept";
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content, "utf8");
  return existing === undefined ? "created" : "overwritten";
}
