import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { childProcesses } from "../../src/eleventy/pagefind-usage.ts";

// childProcesses tells which process Pagefind's Node API has just started: the children of this thread.

const linux = process.platform === "linux";

test("a process this thread starts is listed while it runs, and no longer once it has ended", async () => {
  if (!linux) return;
  const before = childProcesses();
  const child = spawn("sleep", ["5"]);
  const pid = child.pid as number;
  assert.ok(childProcesses().has(pid));
  assert.not.ok(before.has(pid));
  const ended = new Promise((resolve) => child.once("exit", resolve));
  child.kill();
  await ended;
  assert.not.ok(childProcesses().has(pid));
});

test("a process another thread of this process starts is not listed as this thread's", async () => {
  if (!linux || !existsSync("/proc/thread-self/children")) return;
  const worker = new Worker(
    `const { spawn } = require("node:child_process"); const { parentPort } = require("node:worker_threads");
     const child = spawn("sleep", ["5"]); parentPort.postMessage(child.pid); parentPort.once("message", () => { child.kill(); process.exit(0); });`,
    { eval: true },
  );
  const pid = await new Promise<number>((resolve) => worker.once("message", resolve));
  assert.not.ok(childProcesses().has(pid));
  const ended = new Promise((resolve) => worker.once("exit", resolve));
  worker.postMessage("stop");
  await ended;
});

test.run();
