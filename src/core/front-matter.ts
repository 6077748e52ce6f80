import { parse, YAMLParseError } from "yaml";
import { readContentDate } from "./dates.ts";
import type { Problem } from "./errors.ts";

/** Data key under which problems found while reading a file travel to the site model. */
export const PROBLEMS_KEY = "editorialeProblems";
/** Data key set on an article whose URL comes from its own `permalink:` (so that a collision names that field). */
export const PERMALINK_KEY = "editorialePermalink";

export interface FrontMatter {
  data: Record<string, unknown>;
  problems: Problem[];
}

const DATE_FIELDS = ["date", "updated"] as const;

/**
 * Reads YAML front matter with the YAML 1.2 core schema (dates stay text, so
 * that we, not the YAML parser, decide what a valid date is) and turns `date`
 * and `updated` into Date objects in the site's time zone.
 */
export function readFrontMatter(yamlText: string, file: string, timeZone: string): FrontMatter {
  const problems: Problem[] = [];
  let parsed: unknown;
  try {
    // Files saved on Windows reach us with CRLF, and the last line with a lone CR, which YAML rejects.
    parsed = parse(yamlText.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"), { schema: "core", uniqueKeys: true });
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (near line ${error.linePos[0].line} of the file)` : "";
    // The content reader hands over the YAML with a blank line for the opening `---` (splitFrontMatter's
    // yamlAtFileLines), so YAML's line numbers are the file's; the parser's own "at line …, column …" is
    // dropped so that the editor reads one position.
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "") : String(error);
    problems.push({
      code: "FRONT_MATTER_SYNTAX",
      file,
      field: "front matter",
      message: `the YAML between the --- lines cannot be read${where}: ${reason}`,
      fix: "check indentation and quote values that contain a colon, e.g. title: \"Lecco: una storia\"",
    });
    return { data: {}, problems };
  }
  if (parsed === null || parsed === undefined) return { data: {}, problems };
  if (typeof parsed !== "object" || Array.isArray(parsed)) {
    problems.push({
      code: "FRONT_MATTER_SYNTAX",
      file,
      field: "front matter",
      message: "the front matter is not a list of `field: value` lines",
      fix: "write one `field: value` per line between the --- lines",
    });
    return { data: {}, problems };
  }
  const data: Record<string, unknown> = { ...(parsed as Record<string, unknown>) };
  for (const field of DATE_FIELDS) {
    const value = data[field];
    if (value === undefined || value === null) continue;
    const reading = typeof value === "string" ? readContentDate(value, timeZone) : { refused: `"${String(value)}" is not a real date` };
    if ("date" in reading) {
      data[field] = reading.date;
    } else {
      delete data[field];
      problems.push({
        code: "DATE_INVALID",
        file,
        field,
        message: reading.refused,
        fix: reading.fix ?? `write a date that exists as YYYY-MM-DD (e.g. ${field}: 2018-03-29) or YYYY-MM-DDTHH:MM (e.g. 2018-03-29T09:30)`,
      });
    }
  }
  return { data, problems };
}

/** The problem of a Markdown file that has no front matter at all (empty, or text only). */
export function missingFrontMatter(file: string, empty: boolean): Problem {
  return {
    code: "FRONT_MATTER_MISSING",
    file,
    field: "front matter",
    message: empty ? "the file is empty" : "the file does not start with front matter between two --- lines",
    fix: 'start the file with ---, a line title: "…", a line date: YYYY-MM-DD, and --- again; or delete the file if it is not an article',
  };
}
