import { createProgress, progressWanted, silentProgress, type Progress } from "../core/progress.ts";

/** The standard error as the progress model needs it (a test passes a fake). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Progress on the standard error, never the standard output (`--to=json`
 * writes JSON there, and a pipe reading the build's lines should not get
 * ours). An updating line on a terminal; plain lines in CI, Netlify's log or
 * a pipe (and on a terminal that says TERM=dumb). Silent with `quiet` or
 * EDITORIALE_PROGRESS=0 (see progressWanted).
 */
export function terminalProgress(quiet: boolean, env: NodeJS.ProcessEnv = process.env, stream: ProgressStream = process.stderr): Progress {
  if (!progressWanted(env.EDITORIALE_PROGRESS, quiet)) return silentProgress;
  return createProgress({
    write: (text) => void stream.write(text),
    tty: stream.isTTY === true && env.TERM !== "dumb",
    now: () => performance.now(),
  });
}
