import type { ReviewApi } from './api.js';
import type { Claim, ClaimResult } from './types.js';

// The server holds a claim for a few minutes (store/claims.ts, CLAIM_MINUTES = 5). Renewing every
// minute keeps the open listing claimed however long it is read, with room for a slow or failed renewal.
const RENEW_MS = 60_000;
// How stale "open by ana" in the queue may get, and so how often `j` may land on a listing just taken.
const POLL_MS = 15_000;

export interface ClaimEvents {
  /** Every live claim, fetched afresh. */
  claims(claims: Claim[]): void;
  /** The claim in force on one listing, as a claim or renewal answered. */
  claim(result: ClaimResult): void;
}

/**
 * Holds the claim on the listing open in this tab: claims it on opening, renews it while it stays
 * open, releases it on sign-out and when the tab closes; and keeps the queue's view of the others'
 * claims fresh. Claims are advisory, so a failed claim call never stops the investigator reading.
 */
export class ClaimKeeper {
  private openId: number | null = null;
  private timers: ReturnType<typeof setInterval>[] = [];

  constructor(
    private readonly api: () => ReviewApi | null,
    private readonly events: ClaimEvents,
  ) {
    // keepalive lets the release go out while the tab is closing.
    addEventListener('pagehide', () => this.release(true));
  }

  /** Starts the renewals and the polling (on sign-in). */
  start(): void {
    this.stop();
    this.timers = [setInterval(() => void this.renew(), RENEW_MS), setInterval(() => void this.refresh(), POLL_MS)];
  }

  /** Stops both and releases the open listing (on sign-out, while the token still works). */
  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    this.release(false);
  }

  /** Claims a listing being opened; the claim in force (maybe another investigator's), or null when the call failed. */
  async open(id: number): Promise<ClaimResult | null> {
    this.openId = id;
    return this.claim(id);
  }

  /** The open listing was decided: the server released its claim, so there is nothing to renew. */
  decided(id: number): void {
    if (this.openId === id) this.openId = null;
  }

  /** Fetches every live claim for the queue; a failure waits for the next poll. */
  async refresh(): Promise<void> {
    const api = this.api();
    if (!api) return;
    try {
      this.events.claims(await api.claims());
    } catch {
      // Advisory data: the next poll tries again, and the calls that matter report their own errors.
    }
  }

  private async renew(): Promise<void> {
    if (this.openId !== null) await this.claim(this.openId);
  }

  private async claim(id: number): Promise<ClaimResult | null> {
    const api = this.api();
    if (!api) return null;
    try {
      const result = await api.claim(id);
      this.events.claim(result);
      return result;
    } catch {
      return null;
    }
  }

  private release(keepalive: boolean): void {
    const api = this.api();
    const id = this.openId;
    this.openId = null;
    if (api && id !== null) api.release(id, keepalive).catch(() => undefined);
  }
}
