/**
 * Run a command as a child process and measure it: wall time, CPU time
 * (user + sys of the child and its descendants), peak RSS, files in the
 * output folder and ms per file.
 *
 * CPU and memory come from GNU time (`/usr/bin/time -f … -o FILE`) when it is
 * there: its figures are the kernel's rusage of the child, CPU summed over
 * every process of the tree that was waited for, RSS the largest single
 * process of the tree (not the sum). Without GNU time, on Linux: CPU from the
 * growth of this process's cutime/cstime (/proc/self/stat) across the run, and
 * peak RSS from polling VmHWM of the child tree every 50 ms. Elsewhere CPU and
 * RSS are null.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";

export interface Measurement {
  /** The command as run (without the GNU time wrapper). */
  command: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  userMs: number | null;
  sysMs: number | null;
  /** user + sys */
  cpuMs: number | null;
  /** Largest resident set of a process of the tree, in KiB. */
  peakRssKiB: number | null;
  /** Files (recursively) in `outputDir` after the run; null without outputDir. */
  files: number | null;
  bytes: number | null;
  /** wallMs / files */
  msPerFile: number | null;
  method: "gnu-time" | "proc" | "none";
  stdout: string;
  stderr: string;
}

export interface MeasureOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Folder whose files are counted after the run. */
  outputDir?: string;
  /** Forward the child's stdout/stderr to ours while capturing them. */
  echo?: boolean;
}

const GNU_TIME = "/usr/bin/time";
let gnuTimeChecked: boolean | undefined;

/** Whether /usr/bin/time is GNU time (accepts -f and -o). */
export function hasGnuTime(): boolean {
  if (gnuTimeChecked === undefined) {
    gnuTimeChecked =
      existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-f", "%e", "-o", "/dev/null", "true"]).status === 0;
  }
  return gnuTimeChecked;
}

export async function measure(cmd: string, args: readonly string[], options: MeasureOptions = {}): Promise<Measurement> {
  const command = [cmd, ...args].map(shellQuote).join(" ");
  const useGnuTime = hasGnuTime();
  const useProc = !useGnuTime && existsSync("/proc/self/stat");
  const method: Measurement["method"] = useGnuTime ? "gnu-time" : useProc ? "proc" : "none";

  let timeDir: string | undefined;
  let file = cmd;
  let argv: string[] = [...args];
  if (useGnuTime) {
    timeDir = mkdtempSync(join(tmpdir(), "editoriale-measure-"));
    file = GNU_TIME;
    argv = ["-f", "%e %U %S %M", "-o", join(timeDir, "time.txt"), cmd, ...args];
  }

  const before = useProc ? childrenCpuTicks() : undefined;
  const start = performance.now();
  const child = spawn(file, argv, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (s: string) => {
    stdout += s;
    if (options.echo) process.stdout.write(s);
  });
  child.stderr.setEncoding("utf8").on("data", (s: string) => {
    stderr += s;
    if (options.echo) process.stderr.write(s);
  });

  let peakProc = 0;
  const poll =
    useProc && child.pid !== undefined
      ? setInterval(() => {
          peakProc = Math.max(peakProc, treePeakRssKiB(child.pid as number));
        }, 50)
      : undefined;

  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolvePromise, reject) => {
      child.on("error", reject);
      child.on("close", (c, s) => resolvePromise({ code: c, signal: s }));
    },
  );
  const wallMs = performance.now() - start;
  if (poll) clearInterval(poll);

  let userMs: number | null = null;
  let sysMs: number | null = null;
  let peakRssKiB: number | null = null;
  if (useGnuTime && timeDir !== undefined) {
    const text = readFileSync(join(timeDir, "time.txt"), "utf8").trim();
    rmSync(timeDir, { recursive: true, force: true });
    // GNU time writes "Command exited with non-zero status N" first on failure.
    const last = text.split("\n").pop() ?? "";
    const [, user, sys, rss] = last.split(/\s+/).map(Number);
    if (user !== undefined && sys !== undefined && rss !== undefined && [user, sys, rss].every(Number.isFinite)) {
      userMs = user * 1000;
      sysMs = sys * 1000;
      peakRssKiB = rss;
    }
  } else if (useProc && before !== undefined) {
    const after = childrenCpuTicks();
    const hz = clockTicks();
    userMs = ((after.user - before.user) * 1000) / hz;
    sysMs = ((after.sys - before.sys) * 1000) / hz;
    peakRssKiB = peakProc > 0 ? peakProc : null;
  }

  let files: number | null = null;
  let bytes: number | null = null;
  if (options.outputDir !== undefined && existsSync(options.outputDir)) {
    const c = countFiles(options.outputDir);
    files = c.files;
    bytes = c.bytes;
  }
  return {
    command,
    exitCode: code,
    signal,
    wallMs,
    userMs,
    sysMs,
    cpuMs: userMs !== null && sysMs !== null ? userMs + sysMs : null,
    peakRssKiB,
    files,
    bytes,
    msPerFile: files !== null && files > 0 ? wallMs / files : null,
    method,
    stdout,
    stderr,
  };
}

/** Files and bytes under a folder, recursively (symbolic links not followed). */
export function countFiles(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

// ---------------------------------------------------------------------------
// /proc fallback

/** cutime and cstime of this process: CPU of the children it has waited for. */
function childrenCpuTicks(): { user: number; sys: number } {
  const stat = readFileSync("/proc/self/stat", "utf8");
  // Fields after the command name, which is in parentheses and may contain spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // fields[0] is field 3 (state); cutime is field 16, cstime field 17.
  return { user: Number(fields[13]), sys: Number(fields[14]) };
}

let ticks: number | undefined;
function clockTicks(): number {
  if (ticks === undefined) {
    const r = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
    const n = Number(r.stdout?.trim());
    ticks = r.status === 0 && Number.isFinite(n) && n > 0 ? n : 100;
  }
  return ticks;
}

/** Largest VmHWM (peak RSS) among a process and its descendants, in KiB. */
function treePeakRssKiB(pid: number): number {
  let peak = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop() as number;
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      if (m) peak = Math.max(peak, Number(m[1]));
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        if (kids !== "") for (const k of kids.split(" ")) stack.push(Number(k));
      }
    } catch {
      // The process ended between two reads.
    }
  }
  return peak;
}

// ---------------------------------------------------------------------------
// Reporting

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  totalMemGiB: number;
  freeMemGiB: number;
  node: string;
  platform: string;
  /** 1, 5 and 15 minute load averages: other work on the machine skews wall times. */
  loadAverage: [number, number, number];
}

export function machineInfo(): MachineInfo {
  const c = cpus();
  return {
    cpus: c.length,
    cpuModel: c[0]?.model ?? "unknown",
    totalMemGiB: totalmem() / 2 ** 30,
    freeMemGiB: freemem() / 2 ** 30,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg() as [number, number, number],
  };
}

/** One row of a result table, as text. */
export function measurementRow(label: string, m: Measurement): Record<string, string> {
  const s = (ms: number | null): string => (ms === null ? "–" : (ms / 1000).toFixed(2));
  return {
    run: label,
    "wall s": s(m.wallMs),
    "CPU s (user+sys)": s(m.cpuMs),
    "user s": s(m.userMs),
    "sys s": s(m.sysMs),
    "CPU/wall": m.cpuMs === null ? "–" : (m.cpuMs / m.wallMs).toFixed(2),
    "peak RSS MiB": m.peakRssKiB === null ? "–" : (m.peakRssKiB / 1024).toFixed(0),
    files: m.files === null ? "–" : String(m.files),
    "output MiB": m.bytes === null ? "–" : (m.bytes / 2 ** 20).toFixed(1),
    "ms/file": m.msPerFile === null ? "–" : m.msPerFile.toFixed(3),
    "CPU ms/file": m.cpuMs === null || m.files === null || m.files === 0 ? "–" : (m.cpuMs / m.files).toFixed(3),
  };
}

/** A plain-text table with right-aligned columns (first column left-aligned). */
export function formatTable(rows: ReadonlyArray<Record<string, string>>): string {
  const first = rows[0];
  if (!first) return "";
  const cols = Object.keys(first);
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? "").length)));
  const line = (cells: string[]): string =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(width[i] ?? 0) : cell.padStart(width[i] ?? 0))).join("  ");
  return [line(cols), line(width.map((w) => "-".repeat(w))), ...rows.map((r) => line(cols.map((c) => r[c] ?? "")))].join(
    "\n",
  );
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}
