import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { projectRoot } from "./tree.ts";

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/import.ts` in a child Node process (TypeScript through tsx), as `npm run import` does. */
export function runCli(args: readonly string[], cwd: string = projectRoot, extraEnv: Record<string, string> = {}): CliRun {
  // uvu sets FORCE_COLOR; the child inherits nothing of the sort, so its stderr is only its own message.
  const { FORCE_COLOR: _color, ...env } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", join(projectRoot, "scripts/import.ts"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...env, TZ: "Europe/Rome", ...extraEnv },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
