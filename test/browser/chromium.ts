import { existsSync } from "node:fs";
import { chromium, type Browser, type Route } from "playwright-core";

/** Debian's chromium (`apt-get install chromium`); CHROMIUM_PATH overrides it. Playwright downloads no browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launches the system Chromium headless. Throws — never skips — when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: the browser tests need Debian's chromium ("apt-get install -y chromium"), or CHROMIUM_PATH set to a Chromium binary.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
}

/**
 * Answers a routed request with the test server's own response and `headers` added (a host's headers, such as
 * netlify.toml's CSP). A request of a page left for the next one (a lazy image still loading) is disposed with
 * it: there is nothing to answer then, and no error to throw into Playwright's route callback.
 */
export async function fulfillWithHeaders(route: Route, headers: (url: URL) => Record<string, string>): Promise<void> {
  try {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), ...headers(new URL(route.request().url())) } });
  } catch (error) {
    if (!/disposed|closed/i.test(error instanceof Error ? error.message : String(error))) throw error;
  }
}
