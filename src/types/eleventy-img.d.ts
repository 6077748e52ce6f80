declare module "@11ty/eleventy-img" {
  export type ImageFormat = "avif" | "webp" | "jpeg" | "png" | "gif" | "svg" | "auto";

  /** One file eleventy-img wrote (or would write) for one format and width. */
  export interface ImageStat {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
    filename?: string;
    outputPath?: string;
    size?: number;
  }

  export interface ImageOptions {
    widths?: Array<number | "auto" | null>;
    formats?: ImageFormat[];
    outputDir?: string;
    urlPath?: string;
    filenameFormat?: (id: string, src: string, width: number, format: string) => string;
    useCache?: boolean;
    fixOrientation?: boolean;
    minimumThreshold?: number;
    formatFiltering?: string[];
    sharpAvifOptions?: { effort?: number; quality?: number };
  }

  /** Processes one image (a file path) into every format and width asked for; resolves to its files by format. */
  function eleventyImage(src: string, options?: ImageOptions): Promise<Record<string, ImageStat[]>>;
  namespace eleventyImage {
    let concurrency: number;
  }
  export default eleventyImage;
}
