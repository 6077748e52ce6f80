/**
 * The part of Eleventy's configuration API that Editoriale uses, typed here
 * because @11ty/eleventy 3 ships no TypeScript declarations.
 */
export interface VirtualTemplate {
  data: Record<string, unknown> | (() => Record<string, unknown>);
  render(this: unknown, data: Record<string, unknown>): string | Promise<string>;
}

export interface EleventyConfig {
  /** Eleventy's path prefix, the command line's `--pathprefix` included ("/" for none). */
  pathPrefix?: string;
  /** Eleventy's quiet mode: the command line's `--quiet`, or the configuration's `setQuietMode(true)`. */
  quietMode?: boolean;
  ignores: Set<string>;
  directories: { input: string; output: string; includes: string; data: string };
  addPlugin<T>(plugin: (config: EleventyConfig, options: T) => void, options: T): void;
  addCollection(name: string, callback: () => unknown): void;
  addTemplate(virtualPath: string, content: VirtualTemplate): void;
  addPassthroughCopy(paths: string | Record<string, string>): void;
  addWatchTarget(path: string): void;
  setLibrary(name: string, library: unknown): void;
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  on(event: "eleventy.before" | "eleventy.after", callback: (event: { runMode: string; outputMode?: string; directories: { input: string; output: string } }) => void | Promise<void>): void;
  setServerOptions(options: { middleware?: Array<(request: import("node:http").IncomingMessage, response: import("node:http").ServerResponse, next: () => void) => void> }): void;
  on(event: "eleventy.contentMap", callback: (map: { inputPathToUrl: Record<string, unknown> }) => void): void;
}
