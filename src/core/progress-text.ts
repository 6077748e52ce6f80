/**
 * How progress is said: the words of each phase and the lines built from its
 * counts. English, like every console message; one format for the terminal's
 * updating line and for the plain lines of a log, so that both read alike.
 */

/** A phase of long work, as the lines name it. */
export interface ProgressPhase {
  /** What is being done: "reading", "writing". */
  label: string;
  /** What is counted, singular and plural: ["file", "files"]. */
  unit: readonly [string, string];
}

export const PHASES = {
  reading: { label: "reading", unit: ["file", "files"] },
  images: { label: "making images", unit: ["image", "images"] },
  writing: { label: "writing", unit: ["file", "files"] },
  indexing: { label: "indexing", unit: ["page", "pages"] },
  importReading: { label: "reading the export", unit: ["item", "items"] },
  importWriting: { label: "importing", unit: ["post", "posts"] },
} as const satisfies Record<string, ProgressPhase>;

const PREFIX = "Editoriale ›";

/** What a line needs to know of a phase. */
export interface PhaseState {
  phase: ProgressPhase;
  done: number;
  /** Undefined: not known in advance (counted as it goes). */
  total: number | undefined;
  /** Said after the count: "37 media files copied". */
  note: string;
}

/** 28805 → "28,805": grouped by hand, so that the line does not depend on the machine's locale. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Whole percent, rounded down so that 100 % means done; a phase with nothing to do is done. */
export function percent(done: number, total: number): number {
  return total === 0 ? 100 : Math.floor((done * 100) / total);
}

function units(phase: ProgressPhase, n: number): string {
  return n === 1 ? phase.unit[0] : phase.unit[1];
}

function withNote(line: string, note: string): string {
  return note ? `${line} · ${note}` : line;
}

/** "Editoriale › writing 12,345/28,805 files · 42%", or with no total "Editoriale › reading the export 1,234 items". */
export function progressLine(state: PhaseState): string {
  const { phase, done, total } = state;
  const line =
    total === undefined
      ? `${PREFIX} ${phase.label} ${formatCount(done)} ${units(phase, done)}`
      : `${PREFIX} ${phase.label} ${formatCount(done)}/${formatCount(total)} ${units(phase, total)} · ${percent(done, total)}%`;
  return withNote(line, state.note);
}

/** The plain line when a phase starts: "Editoriale › writing 28,805 files…", or "Editoriale › reading the export…". */
export function startLine(phase: ProgressPhase, total: number | undefined): string {
  return total === undefined ? `${PREFIX} ${phase.label}…` : `${PREFIX} ${phase.label} ${formatCount(total)} ${units(phase, total)}…`;
}

/** The line that ends a phase: "Editoriale › writing: 28,805 files in 18.4 s". */
export function endLine(state: PhaseState, seconds: number): string {
  const { phase, done } = state;
  return withNote(`${PREFIX} ${phase.label}: ${formatCount(done)} ${units(phase, done)} in ${seconds.toFixed(1)} s`, state.note);
}
