/**
 * Runs delivery passes one at a time and wakes up for the next one. A timer covers short waits while
 * the worker is alive; an alarm covers the worker being stopped in between (browsers stop idle
 * extension workers after ~30 s, and a timer dies with it), and the browser restarting. Passes never
 * overlap: a kick during a pass runs one more pass after it, so no report is sent by two passes at once.
 */
export const WAKE_ALARM = 'faceleak-outbox';

export interface Waker {
  /** Arranges a wake-up at `at` (ms since the epoch), replacing any earlier one; null cancels. */
  wakeAt(at: number | null): void;
}

export class DeliveryScheduler {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly pass: () => Promise<number | null>,
    private readonly waker: Waker,
  ) {}

  /** Runs a pass now, or right after the one in progress. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      let next: number | null;
      try {
        next = await this.pass();
      } catch (error) {
        // A failed pass (storage error, a bug) must not stop delivery for good: try again in a minute.
        console.error('faceleak: delivery pass failed', error);
        next = Date.now() + 60_000;
      }
      this.waker.wakeAt(next);
    } while (this.again);
  }
}

/** The browser's waker: a timer for the live worker, an alarm for after it is gone. */
export function browserWaker(onWake: () => void): Waker {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    wakeAt(at) {
      clearTimeout(timer);
      if (at === null) {
        void chrome.alarms.clear(WAKE_ALARM);
        return;
      }
      const delay = Math.max(0, at - Date.now());
      timer = setTimeout(onWake, delay);
      // Chrome may delay alarms to 30 s or more; the timer handles anything sooner while the worker lives.
      void chrome.alarms.create(WAKE_ALARM, { when: Math.max(at, Date.now() + 1000) });
    },
  };
}
