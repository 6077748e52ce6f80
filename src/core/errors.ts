/**
 * The error catalogue. Every problem a writer or maintainer can cause has a
 * stable code, and is reported as one line naming the file, the field and the fix.
 */
export const ERRORS = {
  FRONT_MATTER_SYNTAX: "The front matter is not valid YAML",
  FRONT_MATTER_MISSING: "The file has no front matter",
  FIELD_INVALID: "A front-matter field has the wrong value",
  DATE_INVALID: "A date is not a real date",
  SLUG_EMPTY: "The slug comes out empty",
  TERM_SLUG_EMPTY: "A term's slug comes out empty",
  TERM_COLLISION: "Two different terms would share one URL",
  TERM_UNKNOWN: "A term is not in the site's list",
  DOSSIER_UNKNOWN: "The article names a dossier that does not exist",
  URL_COLLISION: "Two pages would be written to one URL",
  REDIRECT_DUPLICATE: "Two redirects, or a redirect and a page, share one address",
  OPTION_INVALID: "A plugin option is not valid",
  OPTION_UNKNOWN: "A plugin option has a name the plugin does not know",
  SITE_DATA_INVALID: "Site data is not valid",
  TEMPLATE_IN_CONTENT: "An Eleventy template or data file is in the content folder",
  TEMPLATE_OUTSIDE_OUTPUT: "A template would be written outside the output folder",
  SITE_EMPTY: "A one-off build found no article to publish",
  FILE_UNREADABLE: "A content file or folder cannot be read",
  FILE_ENCODING: "A content file is not UTF-8 text",
  FILE_CHANGED: "A content file changed while the site was being built",
  DOSSIER_NAME_INVALID: "A dossier's file name cannot be its address",
  IMAGE_ALT_MISSING: "A featured image has no text alternative",
  IMAGE_MISSING: "An image is not in the content folder",
  IMAGE_UNREADABLE: "An image file cannot be read as an image",
  LOOK_FILE_MISSING: "A font file or logo named in the look options is not there",
  LOOK_FILE_TYPE: "A font file or logo named in the look options is not of a kind browsers show",
} as const;

export type ErrorCode = keyof typeof ERRORS;

export interface Problem {
  code: ErrorCode;
  /** Path of the file at fault, relative to the project (or the option's name). */
  file: string;
  /** The front-matter field, option or term at fault. */
  field: string;
  /** What is wrong, in the writer's words. */
  message: string;
  /** What to do about it. */
  fix: string;
}

export function formatProblem(p: Problem): string {
  // A message may end in a question ("Did you mean feedSize?"): no full stop after it.
  return `${p.file} → ${p.field}: ${p.message}${p.message.endsWith("?") ? "" : "."} Fix: ${p.fix}`;
}

/** Thrown once with every problem found, so that one run reports them all. */
export class EditorialeError extends Error {
  readonly problems: readonly Problem[];
  /** Read by Eleventy's error handler: a writer's mistake needs no stack trace. */
  readonly skipOriginalStack = true;

  constructor(problems: readonly Problem[]) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    super(`Editoriale found ${count}:\n` + problems.map((p) => "  " + formatProblem(p)).join("\n") + "\nCorrect the lines above and build again.");
    this.name = "EditorialeError";
    this.problems = problems;
    // Eleventy logs a failed build where it fails and again in its command line, unless the
    // error says it was logged already: this keeps one line per problem on the editor's screen.
    Object.defineProperty(this, "__errorAlreadyLogged", { value: true });
  }
}

export function throwIfProblems(problems: readonly Problem[]): void {
  if (problems.length > 0) throw new EditorialeError(problems);
}
