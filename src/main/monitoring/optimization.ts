/**
 * Start optimization: the current proposals run now as trials, one at a time, through the auto-tuner's own trial
 * (same headroom check, judging against its window and rollback). Optimizations may wait for a window of quiet hours
 * (local time, checked on the monitor's tick) and be cancelled by id; each is kept in app.db with its trials.
 */
import { randomUUID } from 'node:crypto';
import type { Optimization } from '../../shared/insight';
import { AppError } from '../platform';
import type { AutoTuner, Proposal, TrialResult, Tunable } from './auto-tuner';
import type { NewAuditEntry } from './monitor-store';
import type { OptimizationStore } from './optimization-store';

export interface OptimizationDeps {
  store: OptimizationStore;
  tuner: Pick<AutoTuner, 'tryNow' | 'busy' | 'abandon'>;
  /** The changes worth trying now, best first (the tuner's own proposals). */
  proposals: () => Proposal[];
  tunables: readonly Tunable[];
  now: () => number;
  audit: (entry: NewAuditEntry) => void;
}

type Window = NonNullable<Optimization['window']>;
type Trial = Optimization['trials'][number];

export class Optimizations {
  /** Scheduled, queued and running ones, oldest first; every change is written through to the store. */
  private readonly open: Optimization[];
  /** The running optimization's trial is with the tuner. */
  private awaiting = false;

  constructor(private readonly deps: OptimizationDeps) {
    this.open = deps.store.open();
    // A trial lives in memory: after a restart its change is gone, so the run it belonged to cannot go on.
    for (const interrupted of this.open.filter((o) => o.status === 'running')) {
      this.end(interrupted, 'cancelled', 'the app closed while it ran; the change on trial was not kept');
    }
  }

  /** Runs the current proposals now (after a running optimization, if any); returns it as it stands. */
  start(): Optimization {
    const optimization = this.create('user', null);
    optimization.trials = this.snapshot();
    const count = optimization.trials.length;
    this.userAudit(optimization, 'started', count, count ? `${count} proposal${count === 1 ? '' : 's'} to try one at a time: ${optimization.trials.map((t) => t.tunable).join(', ')}` : 'nothing to try');
    if (count === 0) return this.end(optimization, 'skipped', 'nothing to try: no proposals now (they need a window of traffic that shows a problem a setting can fix)');
    optimization.status = 'queued';
    this.open.push(optimization);
    this.save(optimization);
    this.advance();
    return structuredClone(optimization);
  }

  /** Runs the proposals of the moment when the window (local time) next opens. */
  schedule(window: Window): Optimization {
    if (window.start === window.end) throw new AppError('invalid_request', 'The window starts and ends at the same time; give an end different from its start (e.g. 22:00 to 06:00).', 'window.end');
    const optimization = this.create('schedule', window);
    optimization.status = 'scheduled';
    this.open.push(optimization);
    this.save(optimization);
    this.userAudit(optimization, 'scheduled', null, `runs between ${window.start} and ${window.end} local time`);
    return structuredClone(optimization);
  }

  /** Cancels a scheduled or queued one; a running one rolls back its trial and stops. False when no such one is open. */
  cancel(id: string): boolean {
    const optimization = this.open.find((o) => o.id === id);
    if (!optimization) return false;
    const wasRunning = optimization.status === 'running';
    // Marked first: the rollback below reports its trial, and nothing may start after it.
    optimization.status = 'cancelled';
    if (wasRunning && this.awaiting) this.deps.tuner.abandon('the optimization was cancelled; its change on trial is rolled back');
    this.end(optimization, 'cancelled', wasRunning ? 'cancelled while running; the change on trial was rolled back' : 'cancelled before it ran');
    this.userAudit(optimization, 'cancelled', null, wasRunning ? 'cancelled while running' : `cancelled while ${optimization.window ? 'scheduled' : 'queued'}`);
    this.advance();
    return true;
  }

  list(limit: number): Optimization[] {
    return this.deps.store.list(limit);
  }

  /** On the monitor's tick: opens scheduled ones inside their window, stops a scheduled one whose window closed, starts the next trial. */
  tick(): void {
    const now = this.deps.now();
    const running = this.open.find((o) => o.status === 'running');
    if (running?.window && !inWindow(running.window, now)) {
      running.status = 'done';
      if (this.awaiting) this.deps.tuner.abandon('the optimization window closed; its change on trial is rolled back');
      this.end(running, 'done', `its window (${running.window.start}-${running.window.end}) closed; what was not tried by then was skipped`);
    }
    if (!this.open.some((o) => o.status === 'running' || o.status === 'queued')) {
      const due = this.open.find((o) => o.status === 'scheduled' && inWindow(o.window!, now));
      if (due) {
        due.trials = this.snapshot();
        if (due.trials.length === 0) this.end(due, 'skipped', `nothing to try when its window opened at ${timeOf(now)}: no proposals then`);
        else due.status = 'queued';
      }
    }
    this.advance();
  }

  /** Starts the next trial of the running optimization (promoting the oldest queued one), unless one is on. */
  private advance(): void {
    if (this.awaiting) return;
    const current = this.open.find((o) => o.status === 'running') ?? this.open.find((o) => o.status === 'queued');
    // The tuner's own trial goes first: one change at a time, whoever proposed it.
    if (!current || this.deps.tuner.busy) return;
    if (current.status === 'queued') {
      current.status = 'running';
      current.startedAt = this.deps.now();
    }
    for (const trial of current.trials.filter((t) => t.outcome === 'pending')) {
      const tunable = this.deps.tunables.find((t) => t.id === trial.tunable);
      trial.from = tunable?.get() ?? trial.from;
      trial.outcome = 'running';
      const notStarted = this.deps.tuner.tryNow({ tunable: trial.tunable, to: trial.to, metric: trial.metric as Proposal['metric'], reason: `${trial.reason} (optimization ${current.id})` }, (result) => this.finished(current, trial, result));
      if (notStarted === null) {
        this.awaiting = true;
        return void this.save(current);
      }
      trial.outcome = 'skipped';
      trial.reason = `${trial.reason}; not tried: ${notStarted}`;
    }
    this.end(current, 'done', summary(current.trials));
    this.advance();
  }

  private finished(optimization: Optimization, trial: Trial, result: TrialResult): void {
    this.awaiting = false;
    Object.assign(trial, { outcome: result.outcome, from: result.from, to: result.to, baseline: result.baseline, measured: result.measured, reason: `${trial.reason}; ${result.reason}` });
    this.save(optimization);
    // Cancelling or a closed window ends the optimization itself; otherwise the next trial starts at once.
    if (optimization.status === 'running') this.advance();
  }

  private create(requestedBy: Optimization['requestedBy'], window: Window | null): Optimization {
    return { id: randomUUID(), status: 'queued', requestedBy, createdAt: this.deps.now(), window, startedAt: null, finishedAt: null, trials: [], note: null };
  }

  /** The proposals of the moment, each a pending trial. */
  private snapshot(): Trial[] {
    return this.deps.proposals().map((p) => {
      const from = this.deps.tunables.find((t) => t.id === p.tunable)?.get() ?? p.to;
      return { tunable: p.tunable, from, to: p.to, metric: p.metric, reason: p.reason, outcome: 'pending' as const, baseline: null, measured: null };
    });
  }

  private end(optimization: Optimization, status: Optimization['status'], note: string): Optimization {
    for (const trial of optimization.trials) if (trial.outcome === 'pending' || trial.outcome === 'running') trial.outcome = 'skipped';
    Object.assign(optimization, { status, note, finishedAt: this.deps.now() });
    const index = this.open.indexOf(optimization);
    if (index >= 0) this.open.splice(index, 1);
    this.save(optimization);
    return structuredClone(optimization);
  }

  private save(optimization: Optimization): void {
    this.deps.store.put(optimization);
  }

  private userAudit(optimization: Optimization, step: 'started' | 'scheduled' | 'cancelled', after: number | null, reason: string): void {
    this.deps.audit({ at: this.deps.now(), source: 'user', subject: `optimization ${optimization.id}`, step, before: null, after, metric: null, baseline: null, measured: null, reason });
  }
}

/** Whether local time `now` is inside the window; one whose end is before its start crosses midnight. */
export function inWindow(window: Window, now: number): boolean {
  const minute = minutesOf(timeOf(now));
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

function timeOf(at: number): string {
  const date = new Date(at);
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
}

function summary(trials: readonly Trial[]): string {
  const count = (outcome: Trial['outcome']) => trials.filter((t) => t.outcome === outcome).length;
  return `${count('kept')} kept, ${count('rolled_back')} rolled back, ${count('skipped')} not tried`;
}
