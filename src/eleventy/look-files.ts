import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { EditorialeError, type Problem } from "../core/errors.ts";
import { FONT_EXTENSIONS } from "../core/look-css.ts";
import type { Look } from "../core/look.ts";
import { displayPath } from "./display-path.ts";

/** A file of the site's look as the build publishes it. */
export interface PublishedFile {
  /** Site path under /assets/, with a hash of the content: /assets/fonts/inter-latin-400-normal.3f9a1c2b7d.woff2. */
  url: string;
  /** Where it was found. */
  source: string;
  bytes: Buffer;
}

export interface LookFiles {
  /** One for each of `look.fontFiles`, in order. */
  fonts: PublishedFile[];
  logo: PublishedFile | undefined;
}

const LOGO_EXTENSIONS = [".svg", ".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif"];

/**
 * Finds, reads and names the font files and the logo of `look`: a path in
 * the project (relative to `projectDir`, where the build runs), else a file
 * of an installed package found as Node finds packages from the project
 * (node_modules of the project and of the folders above it). A package's
 * `exports` do not apply: a font is a file of the package, not a module.
 * Names carry a hash of the content, so that hosts may cache them for a
 * year, as they do the stylesheet. Every missing file is reported in one run.
 */
export function resolveLookFiles(look: Pick<Look, "fontFiles" | "logo">, projectDir: string): LookFiles {
  const problems: Problem[] = [];
  const fonts: PublishedFile[] = [];
  look.fontFiles.forEach((font, i) => {
    const published = publish(`look.fontFiles[${i}].file`, font.file, FONT_EXTENSIONS, (name, hash, ext) => `/assets/fonts/${name}.${hash}${ext}`, projectDir, problems);
    if (published) fonts.push(published);
  });
  const logo = look.logo && publish("look.logo.file", look.logo.file, LOGO_EXTENSIONS, (_name, hash, ext) => `/assets/logo.${hash}${ext}`, projectDir, problems);
  if (problems.length > 0) throw new EditorialeError(problems);
  return { fonts, logo };
}

function publish(
  field: string,
  spec: string,
  extensions: readonly string[],
  url: (name: string, hash: string, ext: string) => string,
  projectDir: string,
  problems: Problem[],
): PublishedFile | undefined {
  const problem = (code: Problem["code"], message: string, fix: string) => problems.push({ code, file: "editoriale options", field, message, fix });
  const ext = path.extname(spec).toLowerCase();
  if (!extensions.includes(ext)) {
    problem("LOOK_FILE_TYPE", `"${spec}" is not a ${extensions.join(", ")} file`, `name a file of one of these kinds`);
    return undefined;
  }
  const file = findFile(spec, projectDir);
  if (!file) {
    const inProject = displayPath(path.resolve(projectDir, spec));
    const pkg = packageName(spec);
    problem(
      "LOOK_FILE_MISSING",
      pkg ? `"${spec}" is neither a file of the project (${inProject}) nor a file of an installed package "${pkg}"` : `there is no file ${inProject}`,
      pkg ? `install the package (npm install ${pkg}) or correct the path (a package's file, or a path relative to the project folder)` : "correct the path: it is relative to the project folder, where the build runs",
    );
    return undefined;
  }
  const bytes = readFileSync(file);
  const hash = createHash("sha256").update(bytes).digest("hex").slice(0, 10);
  return { url: url(safeName(path.basename(spec, path.extname(spec))), hash, ext), source: file, bytes };
}

function findFile(spec: string, projectDir: string): string | undefined {
  const inProject = path.resolve(projectDir, spec);
  if (isFile(inProject)) return inProject;
  if (!packageName(spec)) return undefined;
  const folders = createRequire(path.join(projectDir, "package.json")).resolve.paths(spec) ?? [];
  return folders.map((folder) => path.join(folder, spec)).find(isFile);
}

function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** "@fontsource/inter" of "@fontsource/inter/files/x.woff2", "pkg" of "pkg/x.woff2"; undefined for a relative or absolute path. */
function packageName(spec: string): string | undefined {
  if (spec.startsWith(".") || path.isAbsolute(spec)) return undefined;
  const segments = spec.split("/");
  const name = spec.startsWith("@") ? segments.slice(0, 2).join("/") : segments[0];
  // A bare file name ("logo.svg") is a path of the project, not a package.
  return name && segments.length > (spec.startsWith("@") ? 2 : 1) ? name : undefined;
}

/** A file name safe in a URL and in CSS's url("…") without escaping. */
function safeName(name: string): string {
  return name.normalize("NFKD").replace(/[^\w.-]+/g, "-").replace(/^-+|-+$/g, "") || "file";
}
