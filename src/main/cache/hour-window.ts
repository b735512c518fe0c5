/** HourWindow: named counters over a sliding hour, in one-minute slots reused as the hour turns. */
export class HourWindow<K extends string> {
  private readonly minutes = new Float64Array(60).fill(-1);
  private readonly counts = new Map<K, Float64Array>();

  constructor(private readonly now: () => number) {}

  add(name: K, by = 1): void {
    const minute = Math.floor(this.now() / 60_000);
    const slot = minute % 60;
    if (this.minutes[slot] !== minute) {
      this.minutes[slot] = minute;
      for (const counts of this.counts.values()) counts[slot] = 0;
    }
    let counts = this.counts.get(name);
    if (!counts) {
      counts = new Float64Array(60);
      this.counts.set(name, counts);
    }
    counts[slot]! += by;
  }

  total(name: K): number {
    const counts = this.counts.get(name);
    if (!counts) return 0;
    const current = Math.floor(this.now() / 60_000);
    let sum = 0;
    for (let slot = 0; slot < 60; slot++) if (this.minutes[slot]! > current - 60) sum += counts[slot]!;
    return sum;
  }
}
