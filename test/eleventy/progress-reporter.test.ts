import { test } from "uvu";
import * as assert from "uvu/assert";
import { childProgressSetting } from "../../src/cli/progress-setting.ts";
import { PHASES } from "../../src/core/progress-text.ts";
import { terminalProgress } from "../../src/eleventy/progress-reporter.ts";

/** A stand-in for the standard error. */
function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, write: (text: string) => written.push(text) };
}

function oneFile(quiet: boolean, env: NodeJS.ProcessEnv, isTTY = false): string[] {
  const err = stream(isTTY);
  const progress = terminalProgress(quiet, env, err);
  progress.start(PHASES.reading, 1);
  progress.advance();
  progress.end();
  return err.written;
}

test("not a terminal: plain lines", () => {
  const written = oneFile(false, {});
  assert.is(written.length, 2);
  assert.is(written[0], "Editoriale › reading 1 file…\n");
  assert.match(written[1] ?? "", /^Editoriale › reading: 1 file in \d+\.\d s\n$/);
});

test("a terminal: the updating line; TERM=dumb (no cursor control): plain lines", () => {
  assert.is(oneFile(false, {}, true)[0], "\r\u001b[KEditoriale › reading 0/1 file · 0%");
  assert.is(oneFile(false, { TERM: "dumb" }, true)[0], "Editoriale › reading 1 file…\n");
});

test("--quiet and EDITORIALE_PROGRESS=0 write nothing; EDITORIALE_PROGRESS=1 overrides a quiet Eleventy", () => {
  assert.equal(oneFile(true, {}), []);
  assert.equal(oneFile(false, { EDITORIALE_PROGRESS: "0" }), []);
  assert.is(oneFile(true, { EDITORIALE_PROGRESS: "1" }).length, 2);
});

test("npm run build / npm start tell their Eleventy (always run with --quiet) what their user asked", () => {
  assert.is(childProgressSetting(["--input=content"], {}), "1");
  assert.is(childProgressSetting(["--quiet"], {}), "0");
  assert.is(childProgressSetting(["--quiet=true"], {}), "0");
  assert.is(childProgressSetting([], { EDITORIALE_PROGRESS: "0" }), "0");
  assert.is(childProgressSetting([], { EDITORIALE_PROGRESS: "1" }), "1");
});

test.run();
