/**
 * `generate`'s time left on standard error, for runs that last: nothing in the first 3 s (a quick run
 * needs no estimate), then at most once a second; rewritten in place on a terminal, else one line per change.
 */
import { describeTimeLeft } from '../shared/time-left';

const QUIET_FOR_MS = 3_000;
const AT_MOST_EVERY_MS = 1_000;

export interface EtaLineOutput {
  /** A whole line to standard error. */
  line: (text: string) => void;
  /** Raw text to a terminal's standard error, when it is one: the line is rewritten with \r. */
  inPlace?: (text: string) => void;
}

export class EtaLine {
  private readonly started: number;
  private lastAt = Number.NEGATIVE_INFINITY;
  private lastText = '';
  private shown = 0;

  constructor(
    private readonly output: EtaLineOutput,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.started = now();
  }

  /** A progress event's estimate; null (no basis yet) prints nothing. */
  update(etaMs: number | null | undefined): void {
    const now = this.now();
    if (etaMs === null || etaMs === undefined || now - this.started < QUIET_FOR_MS || now - this.lastAt < AT_MOST_EVERY_MS) return;
    const text = describeTimeLeft(etaMs);
    if (!this.output.inPlace && text === this.lastText) return;
    this.lastAt = now;
    this.lastText = text;
    if (this.output.inPlace) {
      this.output.inPlace(`\r${text.padEnd(this.shown)}`);
      this.shown = text.length;
    } else this.output.line(text);
  }

  /** Clears the line rewritten in place, so what follows starts on a clean line. */
  end(): void {
    if (this.output.inPlace && this.shown > 0) this.output.inPlace(`\r${' '.repeat(this.shown)}\r`);
    this.shown = 0;
  }
}
