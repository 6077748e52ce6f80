import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import type { Article } from "../core/article.ts";
import type { Problem } from "../core/errors.ts";
import { imageTreatment } from "../core/image-path.ts";
import type { ImageFile, ImageSet } from "../core/picture.ts";
import type { Progress } from "../core/progress.ts";
import { PHASES } from "../core/progress-text.ts";
import { articleOrigin } from "../core/site-model.ts";
import { displayPath } from "./display-path.ts";
import type { Output } from "./output-writer.ts";

/** A file whose images are made: an article or a page. */
export interface ImageSource {
  file: string;
}

/** Where the site's images are read from, and where their responsive files are kept between builds. */
export interface ImageSettings {
  /** The content folder: an image's site path /media/a.jpg is the file <contentDir>/media/a.jpg. */
  contentDir: string;
  cacheDir?: string;
  /** Where the build's line about images goes (the builder's log); the console by default. */
  log?: (line: string) => void;
  /** The build's progress: the featured images, made before the first page, are a step of their own. */
  progress?: Progress;
}

export const IMAGE_CACHE_DIR = ".cache/editoriale/images";
/** Where the made files are published. */
const URL_PATH = "/img/";
/** Never upscaled: a narrower original gives only the widths it has (eleventy-img drops the others). */
const WIDTHS = [400, 800, 1200];
/**
 * AVIF encoding is nearly all of the image work. A 1600 px photo at 400/800/1200 px: sharp's default
 * effort 4 ≈ 3.7 s CPU, effort 2 ≈ 0.75 s, effort 1 ≈ 0.27 s with files of about the same size
 * (12.5 KB at 1200 px against 15.7 KB at effort 2; WebP 47 KB, JPEG 100 KB).
 */
const AVIF_EFFORT = 1;
/** Part of every cache key: a change here makes every image again. */
const RECIPE = JSON.stringify({ v: 1, widths: WIDTHS, formats: ["avif", "webp", "fallback"], url: URL_PATH, avifEffort: AVIF_EFFORT });

/** One image made: its set for the markup, and its files in the cache folder. */
interface Made {
  set: ImageSet;
  folder: string;
  files: Array<{ name: string; url: string }>;
}

interface Stored {
  set: ImageSet;
  files: Array<{ name: string; url: string }>;
}

/** Images made by this process, by file, while its size and time are unchanged: `npm start` rebuilds hash nothing again. */
const madeByFile = new Map<string, { size: number; mtimeMs: number; made: Made }>();
const madeBySitePath = new Map<string, Made>();
/** The local images of each article's body when it was last rendered (an unchanged article is not rendered again while serving). */
const bodyPaths = new WeakMap<object, string[]>();

/**
 * The responsive images of one build. Each image is made once (eleventy-img: AVIF, WebP and a
 * JPEG or PNG fallback at 400, 800 and 1200 pixels) into a cache folder named by a hash of the
 * file's content and of the recipe, and reused from there by every later build, in any process;
 * the build copies the files into the output as outputs of its own (the output folder is new on
 * every build). Nothing is loaded, read or hashed when the site has no local images.
 */
export class ResponsiveImages {
  readonly problems: Problem[] = [];
  private readonly jobs = new Map<string, Promise<Made | undefined>>();
  private readonly ready = new Map<string, Made>();
  /** Body images of this build's rendered files (pages are always rendered; articles also via bodyPaths). */
  private readonly shown = new Set<string>();
  /** Each image file's size and time, looked at once per build however many outputs show it. */
  private readonly states = new Map<string, string>();
  /** The same, as a signature shows it, by site path (spares resolving the path again for every output). */
  private readonly stamps = new Map<string, string>();
  private readonly missing = new Set<string>();
  private readonly told = new Set<string>();
  private readonly cacheDir: string;
  private made = 0;
  private reused = 0;
  private seconds = 0;
  private featured: Promise<void> | undefined;

  constructor(
    private readonly articles: readonly Article[],
    private readonly settings: ImageSettings,
  ) {
    // EDITORIALE_IMAGE_CACHE: another cache folder (a CI cache, a test's own).
    this.cacheDir = path.resolve(settings.cacheDir ?? (process.env.EDITORIALE_IMAGE_CACHE || IMAGE_CACHE_DIR));
  }

  /** The file of an image's site path: /media/a.jpg is <content folder>/media/a.jpg. */
  fileOf(sitePath: string): string {
    return path.join(path.resolve(this.settings.contentDir), ...decodeSegments(sitePath));
  }

  /**
   * The state of the image files some articles show (featured images, and with `bodies` those of
   * their bodies when last rendered), for a rebuild's signatures: "" when they show none.
   */
  stamp(articles: readonly Article[], bodies: boolean): string {
    let stamp = "";
    // Called for every page and feed of a rebuild: no list is made for an article that shows no image.
    for (const article of articles) {
      if (article.image) stamp += this.fileStamp(article.image.src);
      const paths = bodies ? bodyPaths.get(articleOrigin(article) ?? article) : undefined;
      if (paths) for (const sitePath of paths) stamp += this.fileStamp(sitePath);
    }
    return stamp;
  }

  private fileStamp(sitePath: string): string {
    const known = this.stamps.get(sitePath);
    if (known !== undefined) return known;
    const file = this.fileOf(sitePath);
    let state = this.states.get(file);
    if (state === undefined) {
      try {
        const stat = statSync(file);
        state = `${stat.size}:${stat.mtimeMs}`;
      } catch {
        // A missing file is a state too: adding it changes the signature.
        state = "none";
      }
      this.states.set(file, state);
    }
    const stamp = `|${sitePath}=${state}`;
    this.stamps.set(sitePath, stamp);
    return stamp;
  }

  /** Resolves once every featured image is made (pages and cards are then rendered without waiting). */
  featuredReady(): Promise<void> {
    this.featured ??= this.makeFeatured();
    return this.featured;
  }

  private async makeFeatured(): Promise<void> {
    const progress = this.settings.progress;
    const total = progress ? new Set(this.articles.flatMap((a) => (a.image && imageTreatment(a.image.src) === "responsive" ? [a.image.src] : []))).size : 0;
    if (total > 0) progress?.start(PHASES.images, total);
    const counted = new Set<string>();
    await Promise.all(
      this.articles.map(async (a) => {
        if (!a.image) return;
        await this.make(a.image.src, a, "image");
        // Many articles may share one image: it is counted once, when first ready.
        if (total > 0 && !counted.has(a.image.src) && imageTreatment(a.image.src) === "responsive") {
          counted.add(a.image.src);
          progress?.advance();
        }
      }),
    );
    if (total > 0) progress?.end();
  }

  /** The set of an image made in this build, or undefined (not made, not raster, or failed). */
  get(sitePath: string): ImageSet | undefined {
    return this.ready.get(sitePath)?.set;
  }

  /** Makes the local images of a rendered body; missing ones are problems of the file's `body`. */
  async forBody(source: Article | ImageSource, paths: readonly string[]): Promise<Map<string, ImageSet>> {
    // An article's paths outlive the build: a rebuild that does not render it again still writes its images.
    if ("slug" in source) bodyPaths.set(articleOrigin(source) ?? source, [...paths]);
    for (const p of paths) this.shown.add(p);
    const sets = new Map<string, ImageSet>();
    await Promise.all(
      paths.map(async (sitePath) => {
        const made = await this.make(sitePath, source, "body");
        if (made) sets.set(sitePath, made.set);
      }),
    );
    return sets;
  }

  /** Outputs copying the made files of every image the site shows into the output folder. */
  *outputs(): Generator<Output> {
    const written = new Set<string>();
    const shown = new Set<string>(this.shown);
    for (const article of this.articles) {
      if (article.image) shown.add(article.image.src);
      for (const p of bodyPaths.get(articleOrigin(article) ?? article) ?? []) shown.add(p);
    }
    for (const sitePath of shown) {
      const made = this.ready.get(sitePath) ?? this.remembered(sitePath);
      if (!made) continue;
      for (const file of made.files) {
        if (written.has(file.url)) continue;
        written.add(file.url);
        const source = path.join(made.folder, file.name);
        yield { path: file.url.slice(1), render: () => [readFileSync(source)], signature: () => file.url };
      }
    }
  }

  /** Logs the build's line about images, if it had any. */
  logSummary(): void {
    if (this.made + this.reused === 0) return;
    (this.settings.log ?? console.log)(`[editoriale] ${this.summary()}`);
  }

  private summary(): string {
    return `images: ${this.made} made, ${this.reused} reused from ${displayPath(this.cacheDir)}/ (${this.seconds.toFixed(2)} s of image work)`;
  }

  /** An image this process made in an earlier build, when its article was not rendered again. */
  private remembered(sitePath: string): Made | undefined {
    return madeBySitePath.get(sitePath);
  }

  private async make(sitePath: string, source: ImageSource, field: string): Promise<Made | undefined> {
    if (imageTreatment(sitePath) !== "responsive") return undefined;
    let job = this.jobs.get(sitePath);
    if (!job) {
      job = this.makeOnce(sitePath, source, field).then((made) => {
        if (made) this.ready.set(sitePath, made);
        return made;
      });
      this.jobs.set(sitePath, job);
    }
    const made = await job;
    // Made once, but missing for every file that shows it: each is told.
    const key = `${source.file}\u0000${field}\u0000${sitePath}`;
    if (!made && this.missing.has(sitePath) && !this.told.has(key)) {
      this.told.add(key);
      this.problems.push(missingImage(source, field, sitePath, this.fileOf(sitePath)));
    }
    return made;
  }

  private async makeOnce(sitePath: string, article: ImageSource, field: string): Promise<Made | undefined> {
    const file = this.fileOf(sitePath);
    let stat;
    try {
      stat = statSync(file);
      if (!stat.isFile()) throw new Error("not a file");
    } catch {
      this.missing.add(sitePath);
      return undefined;
    }
    const known = madeByFile.get(file);
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) {
      this.reused++;
      return known.made;
    }
    const started = performance.now();
    try {
      const bytes = readFileSync(file);
      const key = createHash("sha256").update(RECIPE).update(bytes).digest("hex").slice(0, 20);
      const folder = path.join(this.cacheDir, key);
      let stored = readStored(folder);
      if (stored) this.reused++;
      else {
        stored = await makeFiles(file, sitePath, key, folder);
        this.made++;
      }
      const made: Made = { set: stored.set, folder, files: stored.files };
      madeByFile.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, made });
      madeBySitePath.set(sitePath, made);
      return made;
    } catch (error) {
      this.problems.push({
        code: "IMAGE_UNREADABLE",
        file: article.file,
        field,
        message: `the image ${sitePath} cannot be read as an image (${error instanceof Error ? error.message.split("\n")[0] : String(error)})`,
        fix: `replace ${displayPath(file)} with a JPEG, PNG, WebP or AVIF file, or remove the reference`,
      });
      return undefined;
    } finally {
      this.seconds += (performance.now() - started) / 1000;
    }
  }
}

/** The site path's segments (already decoded; the schema and localMediaPath refused `.` and `..`). */
function decodeSegments(sitePath: string): string[] {
  return sitePath.split("/").filter(Boolean);
}

function readStored(folder: string): Stored | undefined {
  try {
    return JSON.parse(readFileSync(path.join(folder, "image.json"), "utf8")) as Stored;
  } catch {
    return undefined;
  }
}

let loaded: Promise<typeof import("@11ty/eleventy-img").default> | undefined;

/** eleventy-img (and sharp) are loaded on the first image to make, never by a site without one. */
function eleventyImage(): Promise<typeof import("@11ty/eleventy-img").default> {
  loaded ??= import("@11ty/eleventy-img").then((module) => {
    const image = module.default;
    // Its queue is shared by every image of the process; sharp uses a thread per core within each.
    image.concurrency = Math.max(1, Math.min(4, availableParallelism()));
    return image;
  });
  return loaded;
}

/** Makes the files into a private folder, then renames it into place: a killed build leaves no half-made entry. */
async function makeFiles(file: string, sitePath: string, key: string, folder: string): Promise<Stored> {
  const image = await eleventyImage();
  const stem = (path.basename(sitePath).replace(/\.[^.]+$/, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "image").slice(0, 60);
  const fallback = /\.png$/i.test(sitePath) ? "png" : "jpeg";
  const building = `${folder}.building-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  mkdirSync(building, { recursive: true });
  try {
    const stats = await image(file, {
      widths: WIDTHS,
      formats: ["avif", "webp", fallback],
      outputDir: building,
      urlPath: URL_PATH,
      useCache: false,
      // The original's own width is made too when it lies between two of ours (a 500 px chart: 400 and 500).
      minimumThreshold: 1,
      sharpAvifOptions: { effort: AVIF_EFFORT },
      filenameFormat: (_id, _src, width, format) => `${stem}-${key.slice(0, 10)}-${width}.${format}`,
    });
    const files = (format: string): ImageFile[] =>
      (stats[format] ?? []).map((s) => ({ url: s.url, width: s.width, height: s.height, bytes: s.size ?? 0 })).sort((a, b) => a.width - b.width);
    const set: ImageSet = {
      src: sitePath,
      sources: (["avif", "webp"] as const).filter((f) => files(f).length > 0).map((f) => ({ type: `image/${f}`, files: files(f) })),
      fallback: { type: `image/${fallback}`, files: files(fallback) },
    };
    if (set.fallback.files.length === 0) throw new Error("no fallback file was made");
    const list = Object.values(stats).flat().map((s) => ({ name: s.filename ?? path.basename(s.outputPath ?? ""), url: s.url }));
    const stored: Stored = { set, files: list };
    writeFileSync(path.join(building, "image.json"), JSON.stringify(stored));
    try {
      renameSync(building, folder);
    } catch {
      // Another build made it meanwhile: theirs is as good.
      rmSync(building, { recursive: true, force: true });
      return readStored(folder) ?? stored;
    }
    return stored;
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    throw error;
  }
}

function missingImage(article: ImageSource, field: string, sitePath: string, file: string): Problem {
  return {
    code: "IMAGE_MISSING",
    file: article.file,
    field,
    message: `the image ${sitePath} is not in the content folder (looked for ${displayPath(file)})`,
    fix: `put the file at ${displayPath(file)}, or correct the path (relative to the content folder, e.g. media/2018/03/lecco.jpg)`,
  };
}
