import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { ROOT } from "../helpers/build.ts";

// Regression (issue 12): `npm start -- --input=does-not-exist` gave Eleventy's stack trace.

test("npm start with a missing --input: one line, exit 1, no server started", () => {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts", "--input=non-esiste", "--port=1"], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  assert.is(run.status, 1, run.stdout + run.stderr);
  const lines = run.stderr.trim().split("\n");
  assert.equal(lines.length, 1, run.stderr);
  assert.match(lines[0] ?? "", /^npm start → --input=non-esiste: non-esiste \(.*\/non-esiste\) does not exist\. Fix: give the folder that holds the articles/);
  assert.not.match(run.stdout, /Server at/);
});

test.run();
