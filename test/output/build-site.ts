import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, type Dirent } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/** The repository root: the tests run the real build from here. */
export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface BuiltSite {
  /** Absolute path of the output folder. */
  out: string;
  /** `url` of the site data the build used, e.g. https://welforum.example (no trailing slash). */
  siteUrl: string;
}

const builds = new Map<string, BuiltSite>();
const outputs: string[] = [];
process.on("exit", () => {
  for (const out of outputs) rmSync(out, { recursive: true, force: true });
});

/**
 * Runs the real build command (the one `npm run build` runs) into a fresh temporary folder.
 * `fixture` builds test/fixtures/<fixture> instead of the sample site. Each build is made once
 * per process and shared by every test file that asks for it; the folder is removed on exit.
 */
export function buildSite(fixture?: string, config?: string): BuiltSite {
  const key = `${fixture ?? "sample"}${config ? `+${config}` : ""}`;
  const cached = builds.get(key);
  if (cached) return cached;
  const out = mkdtempSync(path.join(tmpdir(), `theme-check-${key.replace(/[^\w-]/g, "-")}-`));
  outputs.push(out);
  const dataDir = fixture ? path.join(ROOT, "test/fixtures", fixture, "_data") : path.join(ROOT, "_data");
  // `config`: the fixture's own Eleventy configuration (a site adding the plugin with parts of its own theme).
  const configFile = fixture && config ? path.join("test/fixtures", fixture, config) : ".eleventy.ts";
  const args = ["tsx", "node_modules/@11ty/eleventy/cmd.cjs", `--config=${configFile}`, "--quiet", `--output=${out}`];
  if (fixture) args.push(`--input=${path.join("test/fixtures", fixture, "content")}`);
  // Its own search cache: the index is made, never copied from what another test's build left in .cache/.
  const searchCache = `${out}-search-cache`;
  outputs.push(searchCache);
  const env = { ...process.env, EDITORIALE_SEARCH_CACHE: searchCache, ...(fixture ? { EDITORIALE_DATA: dataDir } : {}) };
  try {
    execFileSync("npx", args, { cwd: ROOT, env, stdio: "pipe", encoding: "utf8" });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`The build of ${key} failed:\n${stdout ?? ""}${stderr ?? ""}`);
  }
  const site = JSON.parse(readFileSync(path.join(dataDir, "site.json"), "utf8")) as { url: string };
  const built = { out, siteUrl: site.url.replace(/\/$/, "") };
  builds.set(key, built);
  return built;
}

/** Every file of the build, as URL-style paths relative to its root ("tag/comuni/index.html"). */
export function allFiles(out: string): string[] {
  const entries: Dirent[] = readdirSync(out, { recursive: true, withFileTypes: true });
  return entries
    .filter((d) => d.isFile())
    .map((d) => path.relative(out, path.join(d.parentPath, d.name)).split(path.sep).join("/"))
    .sort();
}

/** Every HTML page of the build. */
export function htmlFiles(out: string): string[] {
  return allFiles(out).filter((f) => f.endsWith(".html"));
}

/** The public URL path of an output file: "tag/comuni/index.html" → "/tag/comuni/", "404.html" → "/404.html". */
export function urlOf(file: string): string {
  return "/" + file.replace(/(^|\/)index\.html$/, "$1");
}
