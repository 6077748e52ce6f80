import { endLine, progressLine, startLine, type PhaseState, type ProgressPhase } from "./progress-text.ts";

/**
 * Progress on long work (reading the content, writing 30,000 files, indexing,
 * importing), told phase by phase. Pure: the lines go to a sink and time comes
 * from a clock, both given, so that tests drive it without a terminal.
 */
export interface Progress {
  /**
   * Starts a phase. `total` undefined: not known in advance (counted as it
   * goes). Started while another phase runs, it is a step inside that one
   * (the featured images, made before the first page is written), which
   * resumes when it ends.
   */
  start(phase: ProgressPhase, total?: number, done?: number): void;
  /** One more thing done (or `by`); done may never pass the total. */
  advance(by?: number): void;
  /** More work found on the way (image files after the pages): the total grows. */
  grow(by: number): void;
  /** Said after the count until the phase ends ("37 media files copied"). */
  note(text: string): void;
  /** Ends the current phase with its line: count and seconds. */
  end(): void;
  /** The work failed: the updating line is cleared, no phase is said to end. */
  abandon(): void;
  /** Prints something of the build's own (a notice) without breaking the updating line. */
  above(say: () => void): void;
}

export interface ProgressSink {
  write(text: string): void;
  /** A terminal: one line updated in place. Otherwise (CI, a pipe, a file): plain lines. */
  tty: boolean;
  /** Milliseconds, from any origin. */
  now(): number;
}

/** On a terminal, the line is redrawn at most this often (ms): ten times a second. */
export const TTY_INTERVAL = 100;
/** In a log, a phase says how far it is at most this often (ms), besides its first and last line. */
export const PLAIN_INTERVAL = 5_000;

interface Running extends PhaseState {
  started: number;
  /** When this phase last printed a plain line, or the terminal line was last drawn. */
  said: number;
}

/** Clears the terminal's current line (carriage return, erase to the end of the line). */
const CLEAR = "\r\u001b[K";

export function createProgress(sink: ProgressSink): Progress {
  const stack: Running[] = [];
  /** Something is on the terminal's current line that a newline has not closed. */
  let drawn = false;

  const current = (): Running => {
    const top = stack[stack.length - 1];
    if (!top) throw new Error("Editoriale progress: no phase has started");
    return top;
  };
  const draw = (state: Running) => {
    sink.write(`${CLEAR}${progressLine(state)}`);
    drawn = true;
    state.said = sink.now();
  };
  const check = (done: number, total: number | undefined) => {
    if (!Number.isInteger(done) || done < 0) throw new RangeError(`Editoriale progress: ${done} done is not a count`);
    if (total !== undefined && (!Number.isInteger(total) || total < 0)) throw new RangeError(`Editoriale progress: ${total} is not a total`);
    if (total !== undefined && done > total) throw new RangeError(`Editoriale progress: ${done} done of ${total}`);
  };

  return {
    start(phase, total, done = 0) {
      check(done, total);
      const now = sink.now();
      const state: Running = { phase, done, total, note: "", started: now, said: now };
      stack.push(state);
      if (sink.tty) draw(state);
      else sink.write(`${startLine(phase, total)}\n`);
    },
    advance(by = 1) {
      const state = current();
      check(state.done + by, state.total);
      state.done += by;
      const now = sink.now();
      if (sink.tty) {
        if (now - state.said >= TTY_INTERVAL) draw(state);
      } else if (now - state.said >= PLAIN_INTERVAL) {
        sink.write(`${progressLine(state)}\n`);
        state.said = now;
      }
    },
    grow(by) {
      const state = current();
      if (state.total !== undefined) {
        check(state.done, state.total + by);
        state.total += by;
      }
    },
    note(text) {
      current().note = text;
    },
    end() {
      const state = current();
      stack.pop();
      const line = endLine(state, (sink.now() - state.started) / 1000);
      sink.write(sink.tty ? `${CLEAR}${line}\n` : `${line}\n`);
      drawn = false;
      const parent = stack[stack.length - 1];
      if (parent && sink.tty) draw(parent);
    },
    abandon() {
      stack.length = 0;
      if (drawn) sink.write(CLEAR);
      drawn = false;
    },
    above(say) {
      if (!drawn) return say();
      sink.write(CLEAR);
      drawn = false;
      say();
      const top = stack[stack.length - 1];
      if (top) draw(top);
    },
  };
}

/** Progress that says nothing (`--quiet`, EDITORIALE_PROGRESS=0); notices are still printed. */
export const silentProgress: Progress = {
  start() {},
  advance() {},
  grow() {},
  note() {},
  end() {},
  abandon() {},
  above: (say) => say(),
};

/**
 * Whether progress is shown. EDITORIALE_PROGRESS=0 silences it, =1 shows it
 * even when the tool runs quiet (scripts/build.ts runs Eleventy with --quiet to
 * hide Eleventy's own line per file, and asks for progress unless its user
 * said --quiet); otherwise it is shown unless the tool was told --quiet.
 */
export function progressWanted(setting: string | undefined, quiet: boolean): boolean {
  if (setting === "0") return false;
  if (setting === "1") return true;
  return !quiet;
}
