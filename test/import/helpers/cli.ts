import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "./tree.ts";

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `scripts/import.ts` in a child Node process (TypeScript through tsx), as `npm run import` does.
 * Without its progress lines (EDITORIALE_PROGRESS=0), so that the standard error is the import's messages
 * alone; `extraEnv` sets variables, or with `undefined` removes them (the progress test: the default).
 */
export function runCli(args: readonly string[], cwd: string = projectRoot, extraEnv: Record<string, string | undefined> = {}): CliRun {
  // uvu sets FORCE_COLOR; the child inherits nothing of the sort, so its stderr is only its own message.
  const { FORCE_COLOR: _color, ...inherited } = process.env;
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...inherited, TZ: "Europe/Rome", EDITORIALE_PROGRESS: "0", ...extraEnv })) if (value !== undefined) env[name] = value;
  const result = spawnSync(process.execPath, ["--import", "tsx", join(projectRoot, "scripts/import.ts"), ...args], { cwd, encoding: "utf8", env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
