import type { Browser } from "playwright-core";
import { buildSite } from "../output/build-site.ts";
import { launchChromium } from "./chromium.ts";
import { pagesOfEveryType, type PageToCheck } from "./pages.ts";
import { serve, type StaticServer } from "./serve.ts";

export interface Session {
  browser: Browser;
  server: StaticServer;
  /** One page of every type of the build. */
  pages: PageToCheck[];
  close(): Promise<void>;
}

/**
 * Builds the sample site (once per process), serves it on 127.0.0.1 and launches Chromium.
 * Tests call it inside the test body and not in a `before` hook: uvu reports a failing hook
 * as zero tests run with exit code 0, and a missing browser must fail the run.
 */
export function browserSession(): () => Promise<Session> {
  let session: Promise<Session> | undefined;
  return () => {
    session ??= (async () => {
      const { out } = buildSite();
      const pages = pagesOfEveryType(out);
      const browser = await launchChromium();
      const server = await serve(out);
      return {
        browser,
        server,
        pages,
        close: async () => {
          await browser.close();
          await server.close();
        },
      };
    })();
    return session;
  };
}
