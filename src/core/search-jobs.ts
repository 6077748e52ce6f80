import { EditorialeError } from "./errors.ts";

/** Pagefind processes at once by default, at most: each holds one bundle's index in memory (up to a few hundred MiB). */
export const DEFAULT_SEARCH_JOBS = 2;
const MOST = 16;

/**
 * How many search bundles Pagefind indexes at the same time, each in its own
 * process. Pagefind reads and indexes pages on one core, so one process per
 * core (up to DEFAULT_SEARCH_JOBS) keeps both the build and the index busy;
 * one core, one process. `setting` is EDITORIALE_SEARCH_JOBS: a whole number
 * from 1 to 16 chooses (1: one bundle after another, the least memory).
 */
export function searchJobs(setting: string | undefined, cores: number): number {
  if (setting === undefined || setting.trim() === "") return Math.max(1, Math.min(cores, DEFAULT_SEARCH_JOBS));
  const jobs = Number(setting.trim());
  if (Number.isInteger(jobs) && jobs >= 1 && jobs <= MOST) return jobs;
  throw new EditorialeError([{
    code: "OPTION_INVALID", file: "environment", field: "EDITORIALE_SEARCH_JOBS",
    message: `must be a whole number from 1 to ${MOST} (Pagefind processes at once), not "${setting}"`,
    fix: `set EDITORIALE_SEARCH_JOBS=1 for one bundle at a time, ${DEFAULT_SEARCH_JOBS} for two at once, or unset it for one per core (at most ${DEFAULT_SEARCH_JOBS})`,
  }]);
}
