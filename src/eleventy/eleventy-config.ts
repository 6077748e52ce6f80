/**
 * The part of Eleventy's configuration API that Editoriale uses, typed here
 * because @11ty/eleventy 3 ships no TypeScript declarations.
 */
export interface CollectionItem {
  inputPath: string;
  url: string | false;
  data: Record<string, unknown> & { page?: { rawInput?: string } };
}

export interface CollectionApi {
  getAll(): CollectionItem[];
}

export interface PageData {
  page: { url: string; inputPath: string; outputPath: string | false };
  [key: string]: unknown;
}

export interface VirtualTemplate {
  data: Record<string, unknown> | (() => Record<string, unknown>);
  render(this: unknown, data: PageData & Record<string, unknown>): string | Promise<string>;
}

export interface EleventyConfig {
  ignores: Set<string>;
  directories: { input: string; output: string; includes: string; data: string };
  addPlugin<T>(plugin: (config: EleventyConfig, options: T) => void, options: T): void;
  addCollection(name: string, callback: (api: CollectionApi) => unknown): void;
  addTemplate(virtualPath: string, content: VirtualTemplate | string, data?: Record<string, unknown>): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  addGlobalData(name: string, value: unknown): void;
  addWatchTarget(path: string): void;
  addExtension(extensions: string[], options: { key: string }): void;
  addTemplateFormats(formats: string): void;
  setLibrary(name: string, library: unknown): void;
  setFrontMatterParsingOptions(options: Record<string, unknown>): void;
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  on(event: "eleventy.before" | "eleventy.after", callback: (event: { runMode: string; directories: { input: string; output: string } }) => void | Promise<void>): void;
  on(event: "eleventy.contentMap", callback: (map: { inputPathToUrl: Record<string, unknown> }) => void): void;
  logger?: { info?(message: string): void };
}
