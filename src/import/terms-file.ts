import { readFile } from "node:fs/promises";
import { ImportError } from "./errors.ts";
import type { TermsData } from "./terms.ts";

/** Reading, merging and writing `_data/terms.json`, the site data the build reads term slugs and descriptions from. */

/**
 * Merges imported term data into an existing terms.json: what the file
 * already says is kept (unless `force`), what it lacks is added after what
 * is there, so that a hand-kept file keeps its order.
 */
export function mergeTerms(existing: TermsData, imported: TermsData, force: boolean): { data: TermsData; conflicts: string[] } {
  const data: TermsData = structuredClone(existing);
  const conflicts: string[] = [];
  for (const [key, names] of Object.entries(imported)) {
    const target = (data[key] ??= {});
    for (const [name, entry] of Object.entries(names)) {
      const current = (target[name] ??= {});
      for (const field of ["slug", "description", "bio"] as const) {
        const value = entry[field];
        if (value === undefined || current[field] === value) continue;
        if (current[field] !== undefined && !force) {
          conflicts.push(`${key} "${name}" ${field}: terms.json says "${current[field]}", WordPress "${value}"; kept terms.json (use --force to take WordPress's)`);
          continue;
        }
        current[field] = value;
      }
    }
  }
  return { data, conflicts };
}

/**
 * terms.json as the project writes it by hand: one line per term, so that a
 * re-import that adds a slug changes one line.
 */
export function formatTerms(data: TermsData): string {
  if (Object.keys(data).length === 0) return "{}\n";
  const taxonomies = Object.entries(data).map(([key, names]) => {
    const lines = Object.entries(names).map(([name, entry]) => {
      const fields = Object.entries(entry).map(([field, value]) => `${JSON.stringify(field)}: ${JSON.stringify(value)}`);
      return `    ${JSON.stringify(name)}: { ${fields.join(", ")} }`;
    });
    return lines.length ? `  ${JSON.stringify(key)}: {\n${lines.join(",\n")}\n  }` : `  ${JSON.stringify(key)}: {}`;
  });
  return `{\n${taxonomies.join(",\n")}\n}\n`;
}

/** Whether two terms files say the same thing, whatever their layout. */
export function sameTerms(a: TermsData, b: TermsData): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Reads terms.json if it exists; a file that is not a JSON object of objects stops the import. */
export async function readTerms(file: string): Promise<TermsData> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportError(file, `is not valid JSON (${(error as Error).message}); fix it or move it away before importing`);
  }
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value);
  if (!isObject(parsed) || !Object.values(parsed).every(isObject)) {
    throw new ImportError(file, "is not a terms file: expected { taxonomy: { term name: { slug, description, bio } } }");
  }
  return parsed as TermsData;
}
