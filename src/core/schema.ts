import { z } from "zod";
import type { Problem } from "./errors.ts";

const text = z.string().trim().min(1);
const slugText = z.string().regex(/^[a-z0-9_-]+$/, "lower-case letters, digits, dashes and underscores only");

/** A taxonomy field: one name or a list of names. */
export const termNames = z
  .union([text, z.array(text)])
  .transform((value) => (Array.isArray(value) ? value : [value]));

/** The article front matter, the contract with writers. Taxonomy fields are checked with `termNames`. */
export const articleSchema = z.looseObject({
  title: text,
  date: z.date(),
  updated: z.date().optional(),
  slug: slugText.optional(),
  excerpt: z.string().trim().optional(),
  rubric: text.optional(),
  dossier: slugText.optional(),
  order: z.number().int().min(0).optional(),
  draft: z.boolean().optional(),
  permalink: z.union([z.string().startsWith("/"), z.literal(false)]).optional(),
  aliases: z.array(z.string().startsWith("/")).optional(),
  wp_id: z.number().int().positive().optional(),
});

export type ArticleFrontMatter = z.output<typeof articleSchema>;

/** The front matter of a dossier page. */
export const dossierSchema = z.looseObject({
  title: text,
  date: z.date(),
  curator: termNames.optional(),
  excerpt: z.string().trim().optional(),
});

export type DossierFrontMatter = z.output<typeof dossierSchema>;

const EXPECTED: Record<string, string> = {
  title: 'a non-empty text, e.g. title: "Lecco. Una storia di coprogettazione"',
  date: "a date, e.g. date: 2018-03-29",
  updated: "a date, e.g. updated: 2018-04-02",
  slug: "lower-case letters, digits and dashes, e.g. slug: lecco-una-storia",
  dossier: "the file name of a dossier page, e.g. dossier: coprogettazione-e-non-solo",
  order: "a whole number, e.g. order: 2",
  draft: "true or false",
  permalink: "a path starting with /, e.g. permalink: /chi-siamo/",
  aliases: 'a list of paths starting with /, e.g. aliases: ["/2018/03/lecco/"]',
  wp_id: "a positive whole number",
};

/** Validates data against a schema and turns each zod issue into a writer's problem. */
export function check<T extends z.ZodType>(
  schema: T,
  data: unknown,
  file: string,
  fieldPrefix = "",
): { value: z.output<T> | undefined; problems: Problem[] } {
  const result = schema.safeParse(data);
  if (result.success) return { value: result.data, problems: [] };
  const problems = result.error.issues.map((issue): Problem => {
    const field = fieldPrefix + (issue.path.map(String).join(".") || "front matter");
    const top = String(issue.path[0] ?? fieldPrefix);
    const missing = issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined;
    const empty = issue.code === "too_small";
    const message = missing ? "is missing" : empty ? "is empty" : describeIssue(issue);
    const expected = EXPECTED[top] ?? "a text or a list of texts, e.g. tags: [\"Comuni\", \"Lecco\"]";
    return { code: "FIELD_INVALID", file, field, message, fix: `write ${expected}` };
  });
  return { value: undefined, problems };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") {
    const input = (issue as { input?: unknown }).input;
    const got = Array.isArray(input) ? "a list" : input === null ? "empty" : typeof input === "object" ? "a map" : `${typeof input} ${JSON.stringify(input)}`;
    return `must be ${issue.expected === "string" ? "text" : issue.expected}, not ${got}`;
  }
  if (issue.code === "invalid_union") return "must be a text or a list of texts";
  return issue.message;
}
