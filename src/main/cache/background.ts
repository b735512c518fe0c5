/**
 * Background: where refreshes and preloads run. By default one at a time, at low priority, after
 * current work; the emergency response can hold them, and they run when resumed.
 */
import PQueue from 'p-queue';

export type BackgroundRunner = (task: () => Promise<void>) => void;

export class Background {
  private readonly queue = new PQueue({ concurrency: 1 });
  private readonly runner: BackgroundRunner;

  /** A runner of the caller's (tests run tasks at once) replaces the queue, and pausing with it. */
  constructor(runner?: BackgroundRunner) {
    this.runner = runner ?? ((task) => void this.queue.add(task, { priority: -10 }));
  }

  run(task: () => Promise<void>): void {
    this.runner(task);
  }

  get paused(): boolean {
    return this.queue.isPaused;
  }

  pause(paused: boolean): void {
    if (paused) this.queue.pause();
    else this.queue.start();
  }
}
