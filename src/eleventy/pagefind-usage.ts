import { existsSync, readFileSync, readdirSync } from "node:fs";

/** How often the memory of the build and of its Pagefind processes is sampled. */
const SAMPLE_MS = 100;

export interface PagefindProcess {
  cpuSeconds: number;
  peakKiB: number;
}

/** The Pagefind processes of a build, all together (Linux only: read from /proc). */
export interface PagefindUsage {
  /** Their CPU time, summed. */
  cpuSeconds: number;
  /** Processes that indexed: how many, and how many ran at once at most. */
  processes: number;
  concurrent: number;
  /** The largest single process's peak resident memory. */
  largestKiB: number;
  /** The largest sum of the resident memory of the Pagefind processes running at one time (sampled). */
  togetherKiB: number;
  /** The largest sum of this process's resident memory and its Pagefind processes' (sampled). */
  withBuildKiB: number;
}

/**
 * Pagefind's processes are children of the build that are never waited for,
 * so a measurement of the build (GNU time) counts neither their CPU time nor,
 * when two run at once, their memory together. This reads each one's figures
 * before it is stopped, and samples the resident memory of all of them and of
 * the build every 100 ms while indexing goes on: the figures the build's
 * search line prints (bench/run.ts reads them there). Only informative: where
 * /proc is missing, it says nothing.
 */
export class PagefindMeter {
  private readonly running = new Set<number>();
  private readonly usage: PagefindUsage = { cpuSeconds: 0, processes: 0, concurrent: 0, largestKiB: 0, togetherKiB: 0, withBuildKiB: 0 };
  private measured = false;
  private timer: NodeJS.Timeout | undefined;

  /** From now on `pid` (a Pagefind process) is sampled. */
  watch(pid: number | undefined): void {
    if (pid === undefined) return;
    this.running.add(pid);
    this.usage.concurrent = Math.max(this.usage.concurrent, this.running.size);
    this.timer ??= setInterval(() => this.sample(), SAMPLE_MS).unref();
    this.sample();
  }

  /** `pid` is about to be stopped: its CPU time and peak memory, read now, are added in. */
  done(pid: number | undefined, figures: PagefindProcess | undefined): void {
    if (pid === undefined) return;
    this.sample();
    this.running.delete(pid);
    if (figures) {
      this.measured = true;
      this.usage.processes++;
      this.usage.cpuSeconds += figures.cpuSeconds;
      this.usage.largestKiB = Math.max(this.usage.largestKiB, figures.peakKiB);
    }
    if (this.running.size === 0) this.stop();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  report(): PagefindUsage | undefined {
    return this.measured ? { ...this.usage } : undefined;
  }

  private sample(): void {
    let together = 0;
    for (const pid of this.running) together += residentKiB(pid);
    this.usage.togetherKiB = Math.max(this.usage.togetherKiB, together);
    this.usage.withBuildKiB = Math.max(this.usage.withBuildKiB, together + Math.round(process.memoryUsage.rss() / 1024));
  }
}

/**
 * The processes this thread started (to tell which one Pagefind's Node API has just started): the kernel's list
 * of the thread's children, one small read, instead of the status of every process on the machine (~1 ms with
 * 70 processes, twice per search bundle, more on a busy build host); where the kernel keeps no such list, every
 * process whose parent is this one.
 */
export function childProcesses(): Set<number> {
  try {
    return new Set(readFileSync("/proc/thread-self/children", "utf8").split(" ").filter((pid) => /^\d+$/.test(pid)).map(Number));
  } catch {
    // Not listed (a kernel without CONFIG_PROC_CHILDREN), or not Linux.
  }
  const children = new Set<number>();
  try {
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        if (new RegExp(`^PPid:\\s*${process.pid}$`, "m").test(readFileSync(`/proc/${pid}/status`, "utf8"))) children.add(Number(pid));
      } catch {
        // The process ended while it was read.
      }
    }
  } catch {
    // No /proc (not Linux).
  }
  return children;
}

/**
 * Resolves once a stopped process is gone: reaped by this process's event loop, which started it (polling
 * /proc, a second at most; at once where the process cannot be told). A build that ended before its Pagefind
 * process was reaped would leave it to the system's first process, and its CPU time out of the build's.
 */
export async function processGone(pid: number | undefined): Promise<void> {
  if (pid === undefined) return;
  for (let waited = 0; waited < 1000 && existsSync(`/proc/${pid}`); waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** CPU time and peak memory (VmHWM) of a process, read before it is stopped. */
export function processFigures(pid: number | undefined): PagefindProcess | undefined {
  if (pid === undefined) return undefined;
  try {
    const peak = /^VmHWM:\s*(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    // /proc/PID/stat: the fields after the command name; utime and stime are the 12th and 13th, in clock ticks (100 per second on Linux).
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    if (peak && Number.isFinite(ticks)) return { cpuSeconds: ticks / 100, peakKiB: Number(peak[1]) };
  } catch {
    // No /proc, or the process has ended.
  }
  return undefined;
}

function residentKiB(pid: number): number {
  try {
    return Number(/^VmRSS:\s*(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0;
  }
}
