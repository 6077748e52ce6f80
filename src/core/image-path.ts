/**
 * Which image references are the site's own files. An image lives in the
 * content folder and is published at the same path under the site
 * (`content/media/2018/03/lecco.jpg` → `/media/2018/03/lecco.jpg`), so a
 * reference is either that site path or the path relative to the content
 * folder (`media/2018/03/lecco.jpg`, what the importer writes).
 */
import { MEDIA_FOLDER } from "./site-files.ts";

/** Why a featured-image path cannot name a file of the content folder, or undefined when it can. */
export function imagePathProblem(value: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) return "is an address of another site; the featured image must be a file of the content folder";
  if (value.includes("\\")) return "has a backslash; write the path with /";
  if (/[?#]/.test(value)) return "has “?” or “#”, which are not part of a file name";
  const segments = value.replace(/^\//, "").split("/");
  if (segments.some((s) => s === "." || s === "..")) return "has a “.” or “..” segment, which leaves the content folder";
  if (segments.some((s) => s === "")) return "has an empty segment (“//” or a trailing /)";
  return undefined;
}

/** The site path of a featured image written either way: `media/a.jpg` and `/media/a.jpg` give `/media/a.jpg`. */
export function imageSitePath(value: string): string {
  return value.startsWith("/") ? value : `/${value}`;
}

/**
 * The site path of an `<img src>` of a rendered body when it is one of the site's media files
 * (`/media/…` or `media/…`, percent-escapes decoded), else undefined: remote images, data: URLs and
 * anything else stay as written.
 */
export function localMediaPath(src: string): string | undefined {
  const path = src.startsWith(`/${MEDIA_FOLDER}/`) ? src : src.startsWith(`${MEDIA_FOLDER}/`) ? `/${src}` : undefined;
  if (path === undefined || /[?#\\]/.test(path)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  return imagePathProblem(decoded) === undefined ? decoded : undefined;
}

/** What the build does with an image file: raster photos become responsive pictures; SVG and GIF (vector, animation) pass through. */
export function imageTreatment(sitePath: string): "responsive" | "as-is" {
  return /\.(jpe?g|png|webp|avif|tiff?)$/i.test(sitePath) ? "responsive" : "as-is";
}
