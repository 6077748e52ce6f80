import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { outputWriter, type Output } from "../../src/eleventy/output-writer.ts";

// The writer and the event loop: Pagefind's processes are fed and heard through pipes, served only in the
// loop's turns, so a long run of outputs that need no waiting (skipped, reused) must still give turns.

const work = mkdtempSync(path.join(tmpdir(), "editoriale-output-writer-"));

/** Outputs whose signature takes `ms` of busy work each: with nothing awaited, they would hold the loop for the whole run. */
function busyOutputs(count: number, ms: number): Output[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `pagina-${i}/index.html`,
    signature() {
      const until = performance.now() + ms;
      while (performance.now() < until);
      return "sempre la stessa";
    },
    render: () => `<p>Pagina ${i}</p>`,
  }));
}

test("a run of outputs that await nothing still lets timers and I/O run, about every 10 ms", async () => {
  const write = outputWriter();
  const outputs = busyOutputs(60, 2);
  await write(work, outputs, true);
  // The second build skips them all (same signatures): 120 ms of synchronous work without a turn of its own.
  let turns = 0;
  const ticking = setInterval(() => turns++, 1);
  const report = await write(work, outputs, true);
  clearInterval(ticking);
  assert.is(report.skipped, 60);
  assert.ok(turns >= 5, `the timer ran ${turns} times during the run (at least 5 expected)`);
});

test("turns change nothing of what is written", async () => {
  const write = outputWriter();
  const report = await write(work, busyOutputs(3, 0), false);
  assert.is(report.written, 3);
  assert.is(readFileSync(path.join(work, "pagina-2/index.html"), "utf8"), "<p>Pagina 2</p>");
});

test.after(() => rmSync(work, { recursive: true, force: true }));
test.run();
