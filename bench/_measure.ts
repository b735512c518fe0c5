/** Shared timing for benchmarks: warm up, repeat, report medians. */
export interface Measurement {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export async function measure(label: string, fn: () => unknown, { warmup = 5, repeat = 30 } = {}): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return summarise(label, times, `${repeat} runs after ${warmup} warm-up`);
}

export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Two contenders timed in alternating runs after a shared warm-up, so that a machine slowing down
 * mid-benchmark (a busy neighbour, a GC storm) weighs on both alike rather than on whichever ran last.
 */
export async function measurePair(
  labels: readonly [string, string],
  fns: readonly [() => unknown, () => unknown],
  { warmup = 5, repeat = 30 } = {},
): Promise<[Measurement, Measurement]> {
  for (let i = 0; i < warmup; i++) for (const fn of fns) await fn();
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < repeat; i++) {
    for (const side of [0, 1] as const) {
      const start = performance.now();
      await fns[side]();
      times[side].push(performance.now() - start);
    }
  }
  const how = `${repeat} runs, alternating, after ${warmup} warm-up`;
  return [summarise(labels[0], times[0], how), summarise(labels[1], times[1], how)];
}

function summarise(label: string, times: number[], how: string): Measurement {
  times.sort((a, b) => a - b);
  const m = { median: times[Math.floor(times.length / 2)]!, min: times[0]!, max: times.at(-1)!, runs: times.length };
  console.log(`${label.padEnd(44)} median ${m.median.toFixed(2).padStart(8)} ms   min ${m.min.toFixed(2).padStart(8)}   max ${m.max.toFixed(2).padStart(8)}   (${how})`);
  return m;
}
