import { test } from "uvu";
import * as assert from "uvu/assert";
import { createProgress, PLAIN_INTERVAL, progressWanted, silentProgress, TTY_INTERVAL } from "../../src/core/progress.ts";
import { formatCount, percent, PHASES } from "../../src/core/progress-text.ts";

const CLEAR = "\r\u001b[K";

/** A progress whose output is recorded and whose clock the test moves. */
function recorded(tty: boolean) {
  const writes: string[] = [];
  const clock = { ms: 0 };
  const progress = createProgress({ write: (text) => void writes.push(text), tty, now: () => clock.ms });
  return { progress, writes, clock, lines: () => writes.join("").split("\n").filter((line) => line !== "") };
}

test("counts are grouped by thousands whatever the machine's locale", () => {
  assert.equal([0, 7, 999, 1_000, 28_805, 1_234_567].map(formatCount), ["0", "7", "999", "1,000", "28,805", "1,234,567"]);
});

test("percent is rounded down, so that 100 % means done; a phase with nothing to do is done", () => {
  assert.is(percent(0, 0), 100);
  assert.is(percent(0, 1), 0);
  assert.is(percent(1, 1), 100);
  assert.is(percent(12_345, 28_805), 42);
  assert.is(percent(28_804, 28_805), 99);
});

test("plain: a line when the phase starts, one every 5 s while it runs, one at its end with count and seconds", () => {
  const { progress, clock, lines } = recorded(false);
  progress.start(PHASES.writing, 28_805);
  // 120 steps of 100 ms: 12 s; lines at 5.0 s and 10.0 s only.
  for (let i = 1; i <= 120; i++) {
    clock.ms = i * 100;
    progress.advance(200);
  }
  progress.advance(28_805 - 24_000);
  clock.ms = 12_345;
  progress.end();
  assert.equal(lines(), [
    "Editoriale › writing 28,805 files…",
    "Editoriale › writing 10,000/28,805 files · 34%",
    "Editoriale › writing 20,000/28,805 files · 69%",
    "Editoriale › writing: 28,805 files in 12.3 s",
  ]);
  assert.is(PLAIN_INTERVAL, 5_000);
});

test("plain: a phase shorter than 5 s says only its first and last line", () => {
  const { progress, clock, lines } = recorded(false);
  progress.start(PHASES.reading, 3);
  for (let i = 1; i <= 3; i++) {
    clock.ms = i * 1_600;
    progress.advance();
  }
  progress.end();
  assert.equal(lines(), ["Editoriale › reading 3 files…", "Editoriale › reading: 3 files in 4.8 s"]);
});

test("terminal: one line redrawn in place at most ten times a second, then its final line", () => {
  const { progress, writes, clock } = recorded(true);
  progress.start(PHASES.writing, 1_000);
  for (let i = 1; i <= 1_000; i++) {
    clock.ms = i;
    progress.advance();
  }
  progress.end();
  assert.is(TTY_INTERVAL, 100);
  // The start, then one at 100, 200, … 1,000 ms, then the end.
  assert.is(writes.length, 1 + 10 + 1);
  assert.ok(writes.every((w) => w.startsWith(CLEAR)), "each write first returns to the start of the line and clears it");
  assert.ok(writes.slice(0, -1).every((w) => !w.includes("\n")), "the updating line never moves down");
  assert.is(writes[0], `${CLEAR}Editoriale › writing 0/1,000 files · 0%`);
  assert.is(writes[1], `${CLEAR}Editoriale › writing 100/1,000 files · 10%`);
  assert.is(writes[5], `${CLEAR}Editoriale › writing 500/1,000 files · 50%`);
  assert.is(writes[11], `${CLEAR}Editoriale › writing: 1,000 files in 1.0 s\n`);
});

test("total 0: the phase starts and ends, done at once", () => {
  const plain = recorded(false);
  plain.progress.start(PHASES.indexing, 0);
  plain.progress.end();
  assert.equal(plain.lines(), ["Editoriale › indexing 0 pages…", "Editoriale › indexing: 0 pages in 0.0 s"]);
  const tty = recorded(true);
  tty.progress.start(PHASES.indexing, 0);
  assert.is(tty.writes[0], `${CLEAR}Editoriale › indexing 0/0 pages · 100%`);
});

test("total 1: the unit is singular", () => {
  const { progress, clock, lines } = recorded(false);
  progress.start(PHASES.images, 1);
  progress.advance();
  clock.ms = 2_000;
  progress.end();
  assert.equal(lines(), ["Editoriale › making images 1 image…", "Editoriale › making images: 1 image in 2.0 s"]);
  const tty = recorded(true);
  tty.progress.start(PHASES.images, 1);
  tty.clock.ms = 100;
  tty.progress.advance();
  assert.is(tty.writes[1], `${CLEAR}Editoriale › making images 1/1 image · 100%`);
});

test("done may never pass the total: an error, not a line saying 101 %", () => {
  const { progress } = recorded(false);
  progress.start(PHASES.writing, 2);
  progress.advance(2);
  assert.throws(() => progress.advance(), (error: unknown) => error instanceof RangeError && /3 done of 2/.test(error.message));
  assert.throws(() => progress.start(PHASES.reading, 1, 2), /2 done of 1/);
  assert.throws(() => progress.start(PHASES.reading, -1), /-1 is not a total/);
  assert.throws(() => progress.start(PHASES.reading, 1.5), /1.5 is not a total/);
});

test("more work found raises the total; advancing with no phase is an error", () => {
  const { progress, clock, lines } = recorded(false);
  progress.start(PHASES.writing, 1);
  progress.advance();
  progress.grow(2);
  progress.advance(2);
  clock.ms = 6_000;
  progress.grow(0);
  progress.end();
  assert.equal(lines(), ["Editoriale › writing 1 file…", "Editoriale › writing: 3 files in 6.0 s"]);
  assert.throws(() => progress.advance(), /no phase has started/);
});

test("no total (a streamed export): counted as it goes, no percent", () => {
  const { progress, clock, lines } = recorded(false);
  progress.start(PHASES.importReading);
  for (let i = 1; i <= 3; i++) {
    clock.ms = i * 2_500;
    progress.advance();
  }
  progress.end();
  assert.equal(lines(), [
    "Editoriale › reading the export…",
    "Editoriale › reading the export 2 items",
    "Editoriale › reading the export: 3 items in 7.5 s",
  ]);
});

test("a note is said after the count, and in the final line", () => {
  const { progress, clock, lines } = recorded(false);
  progress.start(PHASES.importWriting, 10);
  progress.note("3 media files copied");
  clock.ms = 5_000;
  progress.advance(4);
  progress.note("5 media files copied");
  progress.advance(6);
  progress.end();
  assert.equal(lines(), [
    "Editoriale › importing 10 posts…",
    "Editoriale › importing 4/10 posts · 40% · 3 media files copied",
    "Editoriale › importing: 10 posts in 5.0 s · 5 media files copied",
  ]);
});

test("terminal: a step inside a phase (the featured images) takes the line, then the phase comes back", () => {
  const { progress, writes, clock } = recorded(true);
  progress.start(PHASES.writing, 50);
  progress.start(PHASES.images, 2);
  clock.ms = 300;
  progress.advance(2);
  progress.end();
  assert.equal(writes, [
    `${CLEAR}Editoriale › writing 0/50 files · 0%`,
    `${CLEAR}Editoriale › making images 0/2 images · 0%`,
    `${CLEAR}Editoriale › making images 2/2 images · 100%`,
    `${CLEAR}Editoriale › making images: 2 images in 0.3 s\n`,
    `${CLEAR}Editoriale › writing 0/50 files · 0%`,
  ]);
});

test("a notice printed during a phase goes above the terminal line, which is drawn again under it", () => {
  const { progress, writes } = recorded(true);
  const order: string[] = [];
  progress.start(PHASES.reading, 5);
  progress.above(() => order.push(`said after ${writes.length} writes`));
  assert.equal(order, ["said after 2 writes"]);
  assert.equal(writes, [`${CLEAR}Editoriale › reading 0/5 files · 0%`, CLEAR, `${CLEAR}Editoriale › reading 0/5 files · 0%`]);
  const plain = recorded(false);
  plain.progress.start(PHASES.reading, 5);
  plain.progress.above(() => order.push("plain"));
  assert.is(plain.writes.length, 1, "nothing to clear in a log");
});

test("a failed build clears the terminal line and says no phase ended", () => {
  const { progress, writes } = recorded(true);
  progress.start(PHASES.reading, 5);
  progress.abandon();
  assert.equal(writes, [`${CLEAR}Editoriale › reading 0/5 files · 0%`, CLEAR]);
  progress.abandon();
  assert.is(writes.length, 2, "nothing drawn, nothing cleared");
  const plain = recorded(false);
  plain.progress.start(PHASES.reading, 5);
  plain.progress.abandon();
  assert.equal(plain.lines(), ["Editoriale › reading 5 files…"]);
});

test("silent progress says nothing and still prints notices", () => {
  const said: string[] = [];
  silentProgress.start(PHASES.writing, 1);
  silentProgress.advance(5);
  silentProgress.end();
  silentProgress.above(() => said.push("notice"));
  assert.equal(said, ["notice"]);
});

test("EDITORIALE_PROGRESS=0 silences it, =1 shows it even when quiet; otherwise --quiet decides", () => {
  assert.equal(
    [[undefined, false], [undefined, true], ["0", false], ["0", true], ["1", true], ["1", false], ["", false], ["yes", true]].map(([setting, quiet]) =>
      progressWanted(setting as string | undefined, quiet as boolean),
    ),
    [true, false, false, false, true, true, true, false],
  );
});

test.run();
