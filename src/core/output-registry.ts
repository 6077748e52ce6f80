import type { Problem } from "./errors.ts";
import { outputPath } from "./output-path.ts";
import { percentDecoded } from "./percent-decode.ts";

/** Who writes a file: named in the message when two want it. */
export interface OutputOwner {
  /** "./content/lecco.md", "the archive “Post con tag “Comuni””", "the search page". */
  description: string;
  /** The editor's file that asked for the path, when there is one: the problem is filed against it. */
  file?: string | undefined;
  /** The front-matter field that gave the path (slug, permalink); "url" for the build's own files. */
  field?: string | undefined;
}

interface Claim {
  url: string;
  owner: OutputOwner;
}

/**
 * Every file one build writes, and the folders it fills (the theme's assets,
 * Pagefind's index), by the file's path under the output folder — not by URL:
 * `/lecco/` and `/lecco/index.html` are one file, and so are `/povert%C3%A0/`
 * and `/povertà/`. A second claim on a file, a file inside a reserved folder,
 * or a file where another claim needs a folder (`/cerca` and `/cerca/x/`) is a
 * problem naming both owners, found before anything is written.
 */
export class OutputRegistry {
  readonly problems: Problem[] = [];
  private readonly files = new Map<string, Claim>();
  /** Folders that claimed files live in, with the first claim that needed each. */
  private readonly folders = new Map<string, Claim>();
  private readonly reserved: Array<{ folder: string; claim: Claim }> = [];

  /** A folder the build fills as a whole (`assets/`, `pagefind/`): nothing else may be written inside it. */
  reserveFolder(url: string, owner: OutputOwner): void {
    const folder = fileKey(url.endsWith("/") ? url : `${url}/`).replace(/index\.html$/, "");
    this.reserved.push({ folder, claim: { url, owner } });
  }

  /** Claims the file a URL is written to; false (and a problem) when it is someone else's. */
  claim(url: string, owner: OutputOwner): boolean {
    const key = fileKey(url);
    const claim = { url, owner };
    const same = this.files.get(key);
    if (same) return this.refuse(collision(same, claim, "same"));
    const folder = this.reservedFor(key);
    if (folder) return this.refuse(collision(folder, claim, "inside"));
    const needsFolder = this.folders.get(key);
    if (needsFolder) return this.refuse(collision(needsFolder, claim, "folder"));
    const folders = parentFolders(key);
    for (const parent of folders) {
      const file = this.files.get(parent);
      if (file) return this.refuse(collision(file, claim, "folder"));
    }
    this.files.set(key, claim);
    for (const folder of folders) if (!this.folders.has(folder)) this.folders.set(folder, claim);
    return true;
  }

  /**
   * Who owns an address a redirect would start from: the file it is written
   * to, with or without its trailing slash (hosts match `/a` and `/a/`
   * alike), or a reserved folder it lies in.
   */
  ownerOfAddress(url: string): OutputOwner | undefined {
    const bare = url.length > 1 ? url.replace(/\/+$/, "") : url;
    for (const candidate of [url, bare, `${bare}/`]) {
      const key = fileKey(candidate);
      const owner = this.files.get(key)?.owner ?? this.reservedFor(key)?.owner;
      if (owner) return owner;
    }
    return undefined;
  }

  private refuse(problem: Problem): false {
    this.problems.push(problem);
    return false;
  }

  private reservedFor(key: string): Claim | undefined {
    return this.reserved.find((r) => key.startsWith(r.folder))?.claim;
  }
}

/** The file's path as the file system sees it: decoded, in one Unicode form, without a leading slash. */
function fileKey(url: string): string {
  return outputPath(percentDecoded(url).normalize("NFC")).replace(/\/{2,}/g, "/");
}

/** `a/b/index.html` → `a`, `a/b`: the folders that must exist for the file. */
function parentFolders(key: string): string[] {
  const parts = key.split("/");
  const folders: string[] = [];
  for (let i = 1; i < parts.length; i++) folders.push(parts.slice(0, i).join("/"));
  return folders;
}

/**
 * The problem of two claims on one path: "same" file, a file "inside" a
 * reserved folder, or a file where the other needs a "folder" (`/a` and `/a/b/`).
 * Filed against the editor's file when one of the two comes from one (that is
 * what can change), and against a `permalink:` rather than a slug.
 */
function collision(first: Claim, second: Claim, kind: "same" | "inside" | "folder"): Problem {
  const blameSecond =
    kind === "inside" || first.owner.file === undefined || (second.owner.file !== undefined && !(first.owner.field === "permalink" && second.owner.field !== "permalink"));
  const [kept, blamed] = blameSecond ? [first, second] : [second, first];
  const field = blamed.owner.field ?? "url";
  let message: string;
  if (kind === "inside") message = `${blamed.url} is inside ${kept.owner.description}, which the build writes as a whole`;
  else if (kind === "folder") message = `${blamed.url} and ${kept.url} cannot both be written: one needs a file where the other needs a folder (${blamed.owner.description}, ${kept.owner.description})`;
  else {
    const where = first.url === second.url ? blamed.url : `${blamed.url} (the same file as ${kept.url})`;
    message = `${where} would be written by both ${kept.owner.description} and ${blamed.owner.description}`;
  }
  return { code: "URL_COLLISION", file: blamed.owner.file ?? blamed.owner.description, field, message, fix: fixFor(field, blamed.owner.file !== undefined) };
}

function fixFor(field: string, byEditor: boolean): string {
  if (field === "permalink") return "give it another `permalink:` (an address no page, feed or file of the site uses)";
  if (field === "slug") return "give this article another `slug:` (or `permalink:`): its address is taken";
  if (field === "file name") return "rename the dossier's file: its name is the dossier's address";
  if (byEditor) return "give this page another address";
  return "rename one of the two terms or give one a slug in _data/terms.json";
}
