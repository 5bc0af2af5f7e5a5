import { parseOverlay, type Classifier, type ListingFields } from '../classifier/index.js';
import type { Verdict } from '../contracts/index.js';
import { currentOverlay, type Store } from '../store/index.js';

/**
 * The classifier with the lexicon overlay in force: terms investigators approve reach every worker
 * and server without a restart. The store's newest overlay version is checked every `everyMs`; when
 * it changed, the same model is rebuilt with it, and verdicts name it (`modelVersion` ends in
 * `+ov-…`). Checks are cheap (one indexed row) and off the job's path.
 */
export class LiveClassifier {
  private current: Classifier;
  private overlayId: number | null = null;
  private readonly timer: NodeJS.Timeout;
  private refreshing: Promise<void> | null = null;

  constructor(
    private readonly base: Classifier,
    private readonly store: Store,
    everyMs = 5_000,
    private readonly warn: (message: string) => void = () => {},
  ) {
    this.current = base;
    this.timer = setInterval(() => void this.refresh(), everyMs);
    this.timer.unref();
  }

  get version(): string {
    return this.current.version;
  }

  /** The lexicon in force (shipped plus overlay): what discovery counts as known. */
  get lexicon() {
    return this.current.lexicon;
  }

  get reviewThreshold(): number {
    return this.current.reviewThreshold;
  }

  classify(listing: ListingFields): Verdict {
    return this.current.classify(listing);
  }

  /** Takes up the newest overlay now (also what the timer does). */
  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const row = await currentOverlay(this.store);
        const id = row?.id ?? null;
        if (id === this.overlayId) return;
        this.current = row ? this.base.withOverlay(parseOverlay(row.overlay, `overlay version ${row.id}`)) : this.base;
        this.overlayId = id;
      } catch (error) {
        this.warn(`the lexicon overlay could not be read (${(error as Error).message}); verdicts go on with the one in force`);
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  close(): void {
    clearInterval(this.timer);
  }
}
