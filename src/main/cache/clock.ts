/** Time for the cache. The default reads the clock at most once a millisecond, as lru-cache does, so a hit costs no syscall. */
export interface Clock {
  now(): number;
}

let cachedNow = 0;

export const coarseClock: Clock = {
  now() {
    if (cachedNow === 0) {
      cachedNow = Date.now();
      setTimeout(() => {
        cachedNow = 0;
      }, 1).unref();
    }
    return cachedNow;
  },
};

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private time = Date.UTC(2026, 10, 21, 9)) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}
