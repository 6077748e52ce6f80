import { spawnSync, type SpawnSyncReturns } from "node:child_process";

/** The Eleventy version the fixture sites install, the same as ours. */
export const ELEVENTY_VERSION = "3.1.8";

/** The environment of a site that never heard of tsx: no loader flags inherited from the test's process. */
export const plainEnv: NodeJS.ProcessEnv = { ...process.env, TZ: "Europe/Rome" };
delete plainEnv.NODE_OPTIONS;

/** Runs a command in a site's folder; its failure is the test's, with everything it printed. */
export function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: plainEnv });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result;
}
