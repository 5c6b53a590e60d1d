/**
 * How long a background job holds back after someone used the app. A viewer step is a burst of
 * requests (the image, its labels, its prediction) and then a paint; on two cores a job that keeps
 * both busy doubles the time from key to picture, so new work waits until the burst is over.
 */
export const QUIET_MS = 300;
/** A job never waits longer than this at once (per stage): a window that asks all the time must not stop it. */
export const MAX_WAIT_MS = 1_000;

type Clock = { now: () => number; sleep: (ms: number) => Promise<void> };

const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Foreground requests (what a person's window asks for) touch the gate; background jobs wait at
 * it before starting their next item, so the person's answers do not queue behind them. Work
 * already under way is not interrupted.
 */
export class ForegroundGate {
  private lastTouch = -Infinity;

  constructor(
    private readonly quietMs = QUIET_MS,
    private readonly maxWaitMs = MAX_WAIT_MS,
    private readonly clock: Clock = realClock,
  ) {}

  touch(): void {
    this.lastTouch = this.clock.now();
  }

  /**
   * A request that arrives while the gate is shut most likely answers the input that shut it
   * (the image, labels and prediction a key asked for): it keeps the gate shut until it is done.
   * One that arrives while the gate is open (a list the window re-reads on its own) does not.
   */
  extend(): void {
    if (this.busy) this.touch();
  }

  /** Whether a foreground request came within the quiet window. */
  get busy(): boolean {
    return this.clock.now() - this.lastTouch < this.quietMs;
  }

  /** Resolves once the window has been quiet for `quietMs`, after `maxWaitMs`, or on abort; returns the time waited. */
  async waitQuiet(signal?: AbortSignal): Promise<number> {
    const started = this.clock.now();
    for (;;) {
      const now = this.clock.now();
      const quietFor = now - this.lastTouch;
      const waited = now - started;
      if (quietFor >= this.quietMs || waited >= this.maxWaitMs || signal?.aborted) return waited;
      await this.clock.sleep(Math.min(this.quietMs - quietFor, this.maxWaitMs - waited));
    }
  }
}
