import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { ROOT } from "../output/build-site.ts";
import { launchChromium } from "./chromium.ts";
import { freePort } from "../helpers/free-port.ts";

// `npm start` in the browser: live reload, and the regressions (issue 12): a deleted article stayed served and listed; a broken front matter
// showed in the terminal only while the browser reloaded the stale page; a title change moved a published
// address with no word.


interface Session {
  work: string;
  origin: string;
  server: ChildProcess;
  browser: Browser;
  log: () => string;
}

async function startServing(): Promise<Session> {
  const work = mkdtempSync(path.join(tmpdir(), "dev-loop-"));
  cpSync(path.join(ROOT, "test/fixtures/basic/content"), path.join(work, "content"), { recursive: true });
  const port = await freePort();
  const server = spawn(
    process.execPath,
    ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--serve", "--quiet", `--port=${port}`, `--input=${path.join(work, "content")}`, `--output=${path.join(work, "out")}`],
    { cwd: ROOT, env: { ...process.env, TZ: "Europe/Rome", NO_COLOR: "1", EDITORIALE_DATA: path.join(ROOT, "test/fixtures/basic/_data") }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  server.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  server.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const started = Date.now();
  while (!log.includes("Server at") && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 200));
  assert.match(log, /Server at/, log);
  return { work, origin: `http://localhost:${port}`, server, browser: await launchChromium(), log: () => log };
}

async function stop(session: Session): Promise<void> {
  await session.browser.close();
  session.server.kill("SIGTERM");
  rmSync(session.work, { recursive: true, force: true });
}

async function waitForLog(session: Session, pattern: RegExp, from: number): Promise<void> {
  const started = Date.now();
  while (!pattern.test(session.log().slice(from)) && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 200));
  assert.match(session.log().slice(from), pattern);
}

/** The HTTP status the dev server answers with (a request, not a navigation: a live reload cannot interrupt it). */
async function status(page: Page, url: string): Promise<number> {
  return (await page.request.get(url)).status();
}

test("npm start: a saved edit shows in the open page, drafts included", async () => {
  const session = await startServing();
  try {
    const page = await session.browser.newPage();
    await page.goto(`${session.origin}/bozza/`);
    assert.is(await page.textContent("h1"), "Bozza", "npm start shows drafts");
    await page.goto(`${session.origin}/articolo-numero-3/`);
    assert.is(await page.textContent("h1"), "Articolo numero 3");
    const file = path.join(session.work, "content/articolo-3.md");
    // The body: a new title would give the article a new slug, and so a new address.
    writeFileSync(file, readFileSync(file, "utf8").replace("Primo paragrafo dell'articolo 3,", "Primo paragrafo corretto dell'articolo 3,"));
    await page.waitForFunction(() => document.querySelector(".article__body")?.textContent?.includes("Primo paragrafo corretto"), undefined, { timeout: 30_000 });
  } finally {
    await stop(session);
  }
});

test("npm start: a deleted article leaves its page, its archives and its feeds at the next rebuild", async () => {
  const session = await startServing();
  try {
    const page = await session.browser.newPage();
    assert.is(await status(page, `${session.origin}/articolo-numero-23/`), 200);
    await page.goto(`${session.origin}/tag/lecco/`);
    const before = await page.locator("main h2 a, main h3 a").allTextContents();
    assert.ok(before.some((t) => t.includes("Articolo numero 23")), before.join(" | "));
    const from = session.log().length;
    unlinkSync(path.join(session.work, "content/articolo-23.md"));
    await waitForLog(session, /\[editoriale\] \d+ articles: wrote/, from);
    assert.is(await status(page, `${session.origin}/articolo-numero-23/`), 404, "the page is gone");
    // A fresh tab: the open one is being reloaded by the dev server.
    const fresh = await session.browser.newPage();
    await fresh.goto(`${session.origin}/tag/lecco/`);
    const after = await fresh.locator("main h2 a, main h3 a").allTextContents();
    assert.ok(after.length > 0);
    assert.not.ok(after.some((t) => t.includes("Articolo numero 23")), after.join(" | "));
    const feed = readFileSync(path.join(session.work, "out/tag/lecco/feed.xml"), "utf8");
    assert.not.match(feed, /articolo-numero-23/);
  } finally {
    await stop(session);
  }
});

test("npm start: a writer's error is shown in the browser until the fix, then the page comes back", async () => {
  const session = await startServing();
  try {
    const page = await session.browser.newPage();
    await page.goto(`${session.origin}/articolo-numero-3/`);
    assert.is(await page.textContent("h1"), "Articolo numero 3");
    const file = path.join(session.work, "content/articolo-3.md");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good.replace("date: 2020-01-03", "date: 2020-02-30"));
    await page.waitForFunction(() => document.querySelector("h1")?.textContent?.startsWith("The build stopped"), undefined, { timeout: 30_000 });
    const problems = await page.locator("ol.editoriale-problems li").allTextContents();
    assert.is(problems.length, 1, problems.join("\n"));
    assert.match(problems[0] ?? "", /articolo-3\.md → date: "2020-02-30" is not a real date/);
    assert.is(await status(page, `${session.origin}/tag/lecco/`), 500, "every page shows the problem, not a stale copy");
    await page.goto(`${session.origin}/articolo-numero-3/`);
    writeFileSync(file, good);
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "Articolo numero 3", undefined, { timeout: 30_000 });
  } finally {
    await stop(session);
  }
});

test("npm start: a title change that moves a published address prints a notice suggesting aliases", async () => {
  const session = await startServing();
  try {
    const file = path.join(session.work, "content/articolo-3.md");
    const from = session.log().length;
    writeFileSync(file, readFileSync(file, "utf8").replace('title: "Articolo numero 3"', 'title: "Articolo numero tre"'));
    await waitForLog(session, /its address moved/, from);
    assert.match(
      session.log().slice(from),
      /articolo-3\.md: its address moved from \/articolo-numero-3\/ to \/articolo-numero-tre\/ \(its title or slug changed\); if \/articolo-numero-3\/ was published, add `aliases: \["\/articolo-numero-3\/"\]`/,
    );
    // A rename of the file itself is a deletion and an addition: the old page goes too.
    const page = await session.browser.newPage();
    const mark = session.log().length;
    renameSync(file, path.join(session.work, "content/articolo-tre.md"));
    await waitForLog(session, /\[editoriale\] \d+ articles: wrote/, mark);
    assert.is(await status(page, `${session.origin}/articolo-numero-tre/`), 200);
    assert.is(await status(page, `${session.origin}/articolo-numero-3/`), 404);
  } finally {
    await stop(session);
  }
});

test.run();
