// Timing and memory helpers shared by the benchmarks.
import { performance } from 'node:perf_hooks';

/** Run `fn` `runs` times after one warm-up; return the median wall time in seconds. */
export async function median(fn, runs = 3) {
  await fn();
  const times = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    await fn();
    times.push((performance.now() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Format seconds. */
export const seconds = (value) => `${value.toFixed(3)} s`;

/** Peak resident set size of this process so far, in MB. */
export const peakRss = () => Math.round(process.resourceUsage().maxRSS / 1024);
