// Measuring a child process: wall time (taken here), CPU time and peak RSS (from GNU time when
// /usr/bin/time exists, else from the child's own process.resourceUsage() through a preload).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = fs.existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

/**
 * Runs `node <args>` once and measures it. Returns { ms, cpuMs, rssMB, status, stdout, stderr }.
 * CPU time counts every thread (workers, GC, the optimising compiler), so it can exceed wall time.
 */
export function runNode(args, { cwd, env } = {}) {
  const tmp = path.join(os.tmpdir(), `jianbao-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  let cmd;
  let cmdArgs;
  if (hasGnuTime) {
    cmd = GNU_TIME;
    cmdArgs = ['-f', 'JIANBAO_BENCH %e %U %S %M', '-o', tmp, process.execPath, ...args];
  } else {
    cmd = process.execPath;
    cmdArgs = ['--import', path.join(here, 'rss-preload.mjs'), ...args];
  }
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, cmdArgs, { cwd, env: { ...process.env, ...env, JIANBAO_BENCH_RSS: tmp }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let cpuMs;
  let rssMB;
  try {
    const text = fs.readFileSync(tmp, 'utf8');
    if (hasGnuTime) {
      const m = /JIANBAO_BENCH ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(text);
      if (m) {
        cpuMs = (Number(m[2]) + Number(m[3])) * 1000;
        rssMB = Number(m[4]) / 1024;
      }
    } else {
      const u = JSON.parse(text);
      cpuMs = (u.userCPUTime + u.systemCPUTime) / 1000;
      rssMB = u.maxRSS / 1024;
    }
  } catch {
    // no measurement: the child died before writing it
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return { ms, cpuMs, rssMB, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs it n times; throws on a failed run. Returns the runs and their medians. */
export function repeat(n, args, options) {
  const runs = [];
  for (let i = 0; i < n; i++) {
    const r = runNode(args, options);
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}:\n${r.stderr || r.stdout}`);
    runs.push(r);
  }
  return { runs, ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), rssMB: Math.max(...runs.map((r) => r.rssMB ?? 0)) || undefined };
}

export function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function loadAverage() {
  return os.loadavg().map((x) => x.toFixed(2)).join(' ');
}
