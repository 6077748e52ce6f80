/**
 * The command line of `npm run build`: what the script decides on (output,
 * input, keep-list, --allow-empty) is taken out; everything else goes to
 * Eleventy as it was given.
 */

/** Entries a site owns inside its output (a custom domain, ACME challenges, a gh-pages checkout): carried into each new build. */
export const DEFAULT_KEEP = ["CNAME", ".well-known", ".git", ".nojekyll"] as const;

export interface BuildArgs {
  /** `--output` as written (may be "", e.g. `--output=$OUT` with OUT unset); `_site` when not given. */
  output: string;
  /** `--input` as written, or undefined for the configuration's `content`. */
  input: string | undefined;
  /** Top-level names carried from the previous output: the defaults, `--keep=NAME` (repeatable) and EDITORIALE_KEEP (comma-separated). */
  keep: string[];
  allowEmpty: boolean;
  /** Asks for a live server or watcher, which this script does not run. */
  live: boolean;
  /** Arguments for Eleventy, `--input` included, `--output` and ours left out. */
  eleventy: string[];
}

export function parseBuildArgs(args: readonly string[], env: NodeJS.ProcessEnv): BuildArgs {
  let output = "_site";
  let input: string | undefined;
  const keep = new Set<string>(DEFAULT_KEEP);
  for (const name of (env.EDITORIALE_KEEP ?? "").split(",")) if (name.trim() !== "") keep.add(name.trim());
  let allowEmpty = false;
  const eleventy: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    // `--flag VALUE` takes the next argument, as Eleventy's own parser does; at the end it is an empty value.
    const value = (flag: string): string | undefined => {
      if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
      if (arg === flag) return args[++i] ?? "";
      return undefined;
    };
    const out = value("--output");
    if (out !== undefined) {
      output = out;
      continue;
    }
    const kept = value("--keep");
    if (kept !== undefined) {
      keep.add(kept);
      continue;
    }
    if (arg === "--allow-empty") {
      allowEmpty = true;
      continue;
    }
    const given = value("--input");
    if (given !== undefined) {
      input = given;
      eleventy.push(`--input=${given}`);
      continue;
    }
    eleventy.push(arg);
  }
  return { output, input, keep: [...keep], allowEmpty, live: eleventy.some((arg) => /^--(serve|watch)\b/.test(arg)), eleventy };
}
