import path from "node:path";

/** `./content/x.md` inside the project, the absolute path elsewhere: how messages name a file. */
export function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith("..") || path.isAbsolute(relative) ? absolute : `./${relative.split(path.sep).join("/")}`;
}

/** A folder as Eleventy's ignore and passthrough globs want it: relative to the project, "." for the project itself. */
export function projectRelative(folder: string): string {
  return path.relative(process.cwd(), folder) || ".";
}

/** Whether `inner` lies strictly below `outer` (paths resolved against the working folder). */
export function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(path.resolve(outer), path.resolve(inner));
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
}
