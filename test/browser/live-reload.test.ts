import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "../output/build-site.ts";
import { launchChromium } from "./chromium.ts";

/** A free port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

test("npm start: a saved edit shows in the open page, drafts included", async () => {
  const work = mkdtempSync(path.join(tmpdir(), "live-reload-"));
  cpSync(path.join(ROOT, "test/fixtures/basic/content"), path.join(work, "content"), { recursive: true });
  const port = await freePort();
  const server = spawn(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--serve", "--quiet", `--port=${port}`, `--input=${path.join(work, "content")}`, `--output=${path.join(work, "out")}`],
    { cwd: ROOT, env: { ...process.env, TZ: "Europe/Rome", EDITORIALE_DATA: path.join(ROOT, "test/fixtures/basic/_data") }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  server.stdout.on("data", (d: Buffer) => (log += d.toString()));
  server.stderr.on("data", (d: Buffer) => (log += d.toString()));
  const browser = await launchChromium();
  try {
    const started = Date.now();
    while (!log.includes("Server at") && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 200));
    assert.match(log, /Server at/, log);
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/bozza/`);
    assert.is(await page.textContent("h1"), "Bozza", "npm start shows drafts");
    await page.goto(`http://localhost:${port}/articolo-numero-3/`);
    assert.is(await page.textContent("h1"), "Articolo numero 3");
    const file = path.join(work, "content/articolo-3.md");
    // The body: a new title would give the article a new slug, and so a new address.
    writeFileSync(file, readFileSync(file, "utf8").replace("Primo paragrafo dell'articolo 3,", "Primo paragrafo corretto dell'articolo 3,"));
    await page.waitForFunction(() => document.querySelector(".article__body")?.textContent?.includes("Primo paragrafo corretto"), undefined, { timeout: 30_000 });
  } finally {
    await browser.close();
    server.kill("SIGTERM");
    rmSync(work, { recursive: true, force: true });
  }
});

test.run();
