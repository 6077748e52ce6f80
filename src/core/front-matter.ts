import { parse, YAMLParseError } from "yaml";
import { parseContentDate } from "./dates.ts";
import type { Problem } from "./errors.ts";

/** Data key under which problems found while reading a file travel to the site model. */
export const PROBLEMS_KEY = "editorialeProblems";

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
    parsed = parse(yamlText.replace(/^\uFEFF/, ""), { schema: "core", uniqueKeys: true });
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line + 1} of the file)` : "";
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
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
    const date = typeof value === "string" ? parseContentDate(value, timeZone) : null;
    if (date) {
      data[field] = date;
    } else {
      delete data[field];
      problems.push({
        code: "DATE_INVALID",
        file,
        field,
        message: `"${String(value)}" is not a real date`,
        fix: `write a date that exists as YYYY-MM-DD (e.g. ${field}: 2018-03-29) or YYYY-MM-DDTHH:MM (e.g. 2018-03-29T09:30)`,
      });
    }
  }
  return { data, problems };
}
