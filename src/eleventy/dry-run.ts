/**
 * Whether Eleventy runs with `--dryrun`. Eleventy 3 tells plugins its output
 * mode but not this flag, so its command line is read (`--dryrun`, as Eleventy's
 * own parser spells it), and ELEVENTY_DRYRUN=1 for the programmatic API.
 */
export function isDryRun(): boolean {
  return process.env.ELEVENTY_DRYRUN === "1" || process.argv.some((arg) => arg === "--dryrun" || arg === "--dryrun=true");
}
