import { z } from "zod";
import type { Problem } from "./errors.ts";
import { SLUG_MAX_LENGTH, slugTextProblem } from "./slug.ts";
import { imagePathProblem } from "./image-path.ts";

const text = z.string().trim().min(1);
/** A slug written by hand: see slugTextProblem (letters of any script, nothing invisible, at most 200 characters). */
export const slugText = z.string().refine((value) => slugTextProblem(value) === undefined, {
  error: (issue) => slugTextProblem(String(issue.input)) ?? "is not a slug",
});

/** True when a text can be used as a slug as it is (what articleUrl checks before making a URL of it). */
export function isSlugText(value: string): boolean {
  return slugTextProblem(value) === undefined;
}

/**
 * A path the build may write to, or redirect from: it starts with one / (`//host/` is another site),
 * and has no `.` or `..` segment (Eleventy would resolve `/../../etc/x/` against the output folder),
 * no backslash and no characters that mean something else in a URL or in Netlify's `_redirects`
 * (? # * and spaces).
 */
export function isSitePath(path: string): boolean {
  return sitePathProblem(path) === undefined;
}

/** Why a path is not a site path, in the writer's words (only the first reason), or undefined. */
function sitePathProblem(path: string): string | undefined {
  if (path.startsWith("//")) return "it starts with //, which means another host";
  if (!path.startsWith("/")) return "it must start with /";
  if (path.split("/").some((segment) => segment === "." || segment === "..")) return "it has a “.” or “..” segment, which leaves the folder";
  const odd = /[\\?#*\s]/.exec(path);
  if (odd) return `it has ${odd[0] === "\\" ? "a backslash" : /\s/.test(odd[0]) ? "a space or line break" : `“${odd[0]}”`}, which means something else in a URL`;
  return undefined;
}

/** A featured image: a file of the content folder, by its path there (media/…) or on the site (/media/…). */
const imagePath = text.refine((value) => imagePathProblem(value) === undefined, {
  error: (issue) => `“${String(issue.input)}” ${imagePathProblem(String(issue.input)) ?? "is not a path"}`,
});

const sitePath = z.string().refine(isSitePath, {
  error: (issue) => `“${String(issue.input)}” is not a path inside the site (${sitePathProblem(String(issue.input)) ?? "it must start with /"})`,
});

/** A taxonomy field: one name or a list of names. */
export const termNames = z
  .union([text, z.array(text)], { error: (issue) => `must be a text or a list of texts, not ${describeValue(issue.input)}` })
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
  permalink: z.union([sitePath, z.literal(false)]).optional(),
  aliases: z.array(sitePath).optional(),
  wp_id: z.number().int().positive().optional(),
  kind: z.literal("article", { error: (issue) => `is “${String(issue.input)}”: a file is an article (leave kind out) or a page (kind: page)` }).optional(),
  sticky: z.boolean().optional(),
  image: imagePath.optional(),
  /** The image's text alternative; "" (written so) for a decorative image. Required with `image` (readArticle). */
  image_alt: z.string().optional(),
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

/**
 * The front matter of a page (chi siamo, contatti, redazione): a title and a
 * body; no byline, taxonomies or card. A date, when given, is its sitemap date.
 */
export const pageSchema = z.looseObject({
  title: text,
  kind: z.literal("page").optional(),
  date: z.date().optional(),
  updated: z.date().optional(),
  slug: slugText.optional(),
  excerpt: z.string().trim().optional(),
  draft: z.boolean().optional(),
  permalink: z.union([sitePath, z.literal(false)]).optional(),
  aliases: z.array(sitePath).optional(),
  wp_id: z.number().int().positive().optional(),
});

export type PageFrontMatter = z.output<typeof pageSchema>;

const EXPECTED: Record<string, string> = {
  title: 'a non-empty text, e.g. title: "Lecco. Una storia di coprogettazione"',
  date: "a date, e.g. date: 2018-03-29",
  updated: "a date, e.g. updated: 2018-04-02",
  slug: `lower-case letters, digits and dashes, at most ${SLUG_MAX_LENGTH} characters, e.g. slug: lecco-una-storia (or delete the line: the slug then comes from the title)`,
  rubric: 'one text, the label shown on cards, e.g. rubric: "Il Punto di Welforum"',
  excerpt: 'one text, the summary shown on cards and in feeds, e.g. excerpt: "Come un Comune e il terzo settore hanno progettato insieme."',
  curator: 'a name or a list of names, e.g. curator: ["Emanuele Ranci Ortigosa"]',
  dossier: "the file name of a dossier page, e.g. dossier: coprogettazione-e-non-solo",
  order: "a whole number, 0 or more, e.g. order: 2",
  draft: "true or false",
  permalink: "a path inside the site, starting with /, e.g. permalink: /chi-siamo/",
  aliases: 'a list of former paths on this site, starting with /, e.g. aliases: ["/2018/03/lecco/"] (for /?p=123 links write wp_id: 123)',
  wp_id: "a positive whole number",
  kind: "kind: page for a page (chi siamo, contatti), or nothing for an article",
  sticky: "true or false (true keeps the article at the top of the home page)",
  image: "the path of an image file in the content folder, e.g. image: media/2018/03/lecco.jpg",
  image_alt: 'a text describing the image, e.g. image_alt: "Il municipio di Lecco" (image_alt: "" for a decorative image)',
};

/** Validates data against a schema and turns each zod issue into a writer's problem. */
export function check<T extends z.ZodType>(
  schema: T,
  data: unknown,
  file: string,
  fieldPrefix = "",
): { value: z.output<T> | undefined; problems: Problem[] } {
  // reportInput: the issue carries the value, so that "wrong type" is not mistaken for "missing".
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data, problems: [] };
  const problems = result.error.issues.map((issue): Problem => {
    const field = [fieldPrefix, ...issue.path.map(String)].filter(Boolean).join(".") || "front matter";
    const top = fieldPrefix || String(issue.path[0] ?? "");
    const missing = issue.code === "invalid_type" && (issue as { input?: unknown }).input === undefined;
    // "Is empty" only for text and lists; a number too small is told its bound (describeIssue).
    const empty = issue.code === "too_small" && (issue.origin === "string" || issue.origin === "array");
    const message = missing ? "is missing" : empty ? "is empty" : describeIssue(issue);
    const expected = EXPECTED[top] ?? `a text or a list of texts, e.g. ${top || "tags"}: ["Comuni", "Lecco"]`;
    return { code: "FIELD_INVALID", file, field, message, fix: `write ${expected}` };
  });
  return { value: undefined, problems };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  if (issue.code === "invalid_type") return `must be ${EXPECTED_TYPE[issue.expected] ?? issue.expected}, not ${describeValue(input)}`;
  if (issue.code === "too_small" && (issue.origin === "number" || issue.origin === "int")) {
    const bound = Number(issue.minimum);
    const least = issue.inclusive ? bound : Number.isInteger(bound) ? bound + 1 : bound;
    return `must be a whole number ≥ ${least}, not ${describeValue(input)}`;
  }
  if (issue.code === "invalid_union") {
    // A union's own message is vague; a branch that failed a check of ours says what is wrong.
    const inner = issue.errors.flat();
    const specific = inner.find((i) => i.code === "custom");
    if (specific) return specific.message;
    return issue.message.startsWith("Invalid input") ? `has a value of the wrong kind: ${describeValue(input)}` : issue.message;
  }
  return issue.message;
}

const EXPECTED_TYPE: Record<string, string> = { string: "text", int: "a whole number", number: "a number", boolean: "true or false", date: "a date" };

function describeValue(input: unknown): string {
  if (Array.isArray(input)) {
    const odd: unknown = input.find((item) => typeof item !== "string");
    return odd === undefined ? "a list" : `a list containing ${describeValue(odd)}`;
  }
  if (input === null) return "empty";
  if (typeof input === "object") return "a map";
  return `${typeof input} ${JSON.stringify(input)}`;
}
