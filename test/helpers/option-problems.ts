import { EditorialeError, formatProblem } from "../../src/core/errors.ts";
import { resolveOptions } from "../../src/core/options.ts";

/** The one-line problems of a failed resolveOptions, in order; none when the options resolve. */
export function optionProblems(options: unknown): string[] {
  try {
    resolveOptions(options);
  } catch (error) {
    if (error instanceof EditorialeError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}
