import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * `npm run build` runs Eleventy on plain JavaScript: the site's configuration
 * and every module of the project it imports (src/, _includes/, the site's
 * own), each transpiled by esbuild — as tsx would — into
 * `.cache/editoriale/code/<hash>/`, the same folders under it as in the
 * project. Loading the same modules through tsx's hooks made every build
 * start about 0.4 s later (docs/performance.md).
 *
 * - Each module keeps its own place: `import.meta.url`, `dirname` and
 *   `filename` are its source's, so that every path it works out (the theme's
 *   assets, the project root, the build cache's hash of the code) is the one it
 *   has under tsx.
 * - The copy is made again when a file it was made from changed, and is
 *   otherwise used as it is: checking costs reading and hashing those files.
 * - Anything it cannot make (a syntax error, a kind of file it does not
 *   handle) leaves the build to tsx, which reports the error as usual.
 */

/** Where the copies live, under the project. Inside it, so that bare imports resolve to its node_modules. */
export const CODE_CACHE_DIR = ".cache/editoriale/code";
const MANIFEST = "manifest.json";
/** Part of every copy's hash: a change to how copies are made makes new ones. */
const RECIPE = "1";

interface Manifest {
  /** How the copy was made (RECIPE, Node's major version): another way makes another copy. */
  made: string;
  /** The folder of the copy, under CODE_CACHE_DIR. */
  dir: string;
  /** The project's folder: the copy holds its sources' absolute paths (`import.meta`), a moved project needs another. */
  root: string;
  /** The configuration it was made for, relative to the project. */
  config: string;
  /** Every file of the copy: its path relative to the project, and the hash of its source. */
  files: Record<string, string>;
}

export type CompiledConfig = { config: string } | { fallback: string };

/** What esbuild's module gives us (loaded only to make a copy). */
interface Esbuild {
  version: string;
  build(options: Record<string, unknown>): Promise<{
    metafile?: { inputs: Record<string, { format?: string; imports: Array<{ path: string; original?: string; external?: boolean }> }> };
    outputFiles?: Array<{ text: string }>;
  }>;
}

/**
 * The JavaScript copy of `config` (a path relative to `root`) to give Eleventy, made now if the copy is missing
 * or stale; or why there is none (then the build runs it through tsx).
 */
export async function compiledConfig(root: string, config: string, loadEsbuild: () => Promise<Esbuild> = importEsbuild): Promise<CompiledConfig> {
  const cache = path.join(root, CODE_CACHE_DIR);
  const current = currentCopy(root, cache, config);
  if (current) return { config: current };
  let esbuild: Esbuild;
  try {
    esbuild = await loadEsbuild();
  } catch (error) {
    return { fallback: `esbuild could not be loaded (${(error as Error).message})` };
  }
  try {
    return { config: await makeCopy(root, cache, config, esbuild) };
  } catch (error) {
    return { fallback: esbuildProblem(error) };
  }
}

async function importEsbuild(): Promise<Esbuild> {
  return (await import("esbuild")) as unknown as Esbuild;
}

/** The copy's configuration when every file it was made from is unchanged. */
function currentCopy(root: string, cache: string, config: string): string | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(cache, MANIFEST), "utf8")) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest.made !== made() || manifest.root !== root || manifest.config !== config || typeof manifest.files !== "object" || typeof manifest.dir !== "string" || !/^[\w-]+$/.test(manifest.dir)) return undefined;
  for (const [file, hash] of Object.entries(manifest.files)) {
    let source: Buffer;
    try {
      source = readFileSync(path.join(root, file));
    } catch {
      return undefined;
    }
    if (hashOf(source) !== hash) return undefined;
  }
  const copied = path.join(cache, manifest.dir, outputName(config));
  return existsSync(copied) ? copied : undefined;
}

async function makeCopy(root: string, cache: string, config: string, esbuild: Esbuild): Promise<string> {
  // Which files of the project the configuration reaches, and what each imports: esbuild's own resolution.
  const { metafile } = await esbuild.build({
    entryPoints: [path.join(root, config)],
    absWorkingDir: root,
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "silent",
  });
  if (!metafile) throw new Error("esbuild gave no list of the configuration's modules");
  const inputs = Object.entries(metafile.inputs).map(([file, input]) => ({ file: path.normalize(file), input }));
  for (const { file, input } of inputs) {
    if (input.format === "cjs") throw new Error(`${file} is a CommonJS module`);
    if (file.startsWith("..") || path.isAbsolute(file) || file.split(path.sep).includes("node_modules")) throw new Error(`${file} is outside the project`);
    if (!/\.(ts|mts|js|mjs|json)$/.test(file)) throw new Error(`${file}: a kind of module the copy does not make`);
  }
  const sources = new Map(inputs.map(({ file }) => [file, readFileSync(path.join(root, file))]));
  const files: Record<string, string> = {};
  for (const [file, source] of [...sources].sort(([a], [b]) => (a < b ? -1 : 1))) files[file] = hashOf(source);
  const dir = hashOf(Buffer.from(JSON.stringify([made(), esbuild.version, root, config, files]))).slice(0, 20).replace(/[^\w-]/g, "_");
  const target = path.join(cache, dir);
  if (!existsSync(path.join(target, outputName(config)))) {
    const building = path.join(cache, `${dir}.${process.pid}.tmp`);
    rmSync(building, { recursive: true, force: true });
    for (const { file, input } of inputs) {
      const source = sources.get(file) as Buffer;
      const out = path.join(building, outputName(file));
      mkdirSync(path.dirname(out), { recursive: true });
      if (file.endsWith(".json")) {
        writeFileSync(out, source);
        continue;
      }
      const local = new Map<string, string>();
      for (const i of input.imports) if (!i.external && i.original !== undefined) local.set(i.original, path.normalize(i.path));
      writeFileSync(out, await transpile(esbuild, root, file, source, local));
    }
    try {
      renameSync(building, target);
    } catch (error) {
      // Another build made the same copy meanwhile: it is the same, keep it.
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(path.join(target, outputName(config)))) throw error;
    }
  }
  const manifest: Manifest = { made: made(), root, dir, config, files };
  const temporary = path.join(cache, `${MANIFEST}.${process.pid}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(manifest)}\n`);
  renameSync(temporary, path.join(cache, MANIFEST));
  removeOldCopies(cache, dir);
  return path.join(target, outputName(config));
}

/**
 * One module as tsx would run it, from the bytes whose hash the manifest keeps (not read again), with its
 * source's place for `import.meta`. esbuild prints its imports: those of
 * other files of the project (`imports`: specifier as written → path from the project) point at their copies,
 * `"./slug.ts"` → `"./slug.mjs"`; the others (packages, Node's modules) stay as written.
 */
async function transpile(esbuild: Esbuild, root: string, file: string, source: Buffer, imports: ReadonlyMap<string, string>): Promise<string> {
  const absolute = path.join(root, file);
  const result = await esbuild.build({
    stdin: { contents: source.toString("utf8"), sourcefile: absolute, resolveDir: path.dirname(absolute), loader: /\.m?ts$/.test(file) ? "ts" : "js" },
    absWorkingDir: root,
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    target: `node${process.versions.node.split(".")[0]}`,
    sourcemap: "inline",
    sourcesContent: false,
    logLevel: "silent",
    tsconfigRaw: { compilerOptions: { target: "ES2022", useDefineForClassFields: true, verbatimModuleSyntax: false } },
    define: {
      "import.meta.url": JSON.stringify(pathToFileURL(absolute).href),
      "import.meta.dirname": JSON.stringify(path.dirname(absolute)),
      "import.meta.filename": JSON.stringify(absolute),
    },
    plugins: [
      {
        name: "editoriale-copies",
        setup(build: { onResolve(options: { filter: RegExp }, callback: (args: { path: string }) => { path: string; external: boolean }): void }) {
          build.onResolve({ filter: /.*/ }, (args) => {
            const resolved = imports.get(args.path);
            return { path: resolved === undefined ? args.path : copySpecifier(file, resolved), external: true };
          });
        },
      },
    ],
  });
  const code = result.outputFiles?.[0]?.text;
  if (code === undefined) throw new Error(`${file}: esbuild gave no output`);
  return code;
}

/** How the copy of `from` imports the copy of `to` (both relative to the project): `./slug.mjs`, `../core/html.mjs`. */
export function copySpecifier(from: string, to: string): string {
  const relative = path.relative(path.dirname(outputName(from)), outputName(to)).split(path.sep).join("/");
  return relative.startsWith(".") ? relative : `./${relative}`;
}

/** A module's name in the copy: `.ts` and `.js` become `.mjs` (ES modules whatever the project's package.json says). */
export function outputName(file: string): string {
  return file.replace(/\.(m?ts|js)$/, ".mjs");
}

/** Copies of other versions of the code, left by earlier builds; one made in the last hour may still be running. */
function removeOldCopies(cache: string, keep: string): void {
  const hour = Date.now() - 60 * 60 * 1000;
  for (const name of readdirSync(cache)) {
    if (name === keep || name === MANIFEST) continue;
    const full = path.join(cache, name);
    try {
      if (statSync(full).mtimeMs < hour) rmSync(full, { recursive: true, force: true });
    } catch {
      // Removed by another build meanwhile.
    }
  }
}

function made(): string {
  return `${RECIPE}/node${process.versions.node.split(".")[0]}`;
}

function hashOf(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("base64url");
}

/** esbuild's first error as `file:line:column: text`, or the error's first line. */
function esbuildProblem(error: unknown): string {
  const first = (error as { errors?: Array<{ text?: string; location?: { file?: string; line?: number; column?: number } | null }> }).errors?.[0];
  if (first?.text) {
    const at = first.location?.file ? `${first.location.file}:${first.location.line ?? 0}:${(first.location.column ?? 0) + 1}: ` : "";
    return `${at}${first.text}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
