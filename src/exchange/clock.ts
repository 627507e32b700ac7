// Clock-skew correction for signed requests: offset to the exchange's clock, measured with GET /api/v1/time.

/** What a signer needs of the shared clock: the exchange's time now, and an immediate resync after a rejection. */
export interface SigningClock {
  /** Local time corrected by the offset, without waiting; starts a resync in the background when one is due. */
  exchangeNow(): number;
  /** Measures the offset again now (the exchange refused a timestamp); concurrent callers share one measurement. */
  resync(): Promise<void>;
}

export interface ClockSyncOptions {
  /** One unretried GET /api/v1/time, resolving to the server's epoch milliseconds. */
  readonly fetchServerTime: () => Promise<number>;
  readonly now?: () => number;
  /** Resync after this long; the exchange rejects timestamps outside a few-second window. */
  readonly resyncMs?: number;
  /** After a failed sync, wait this long before trying again instead of adding a call to every request. */
  readonly retryAfterFailureMs?: number;
}

/** One per gateway: every REST client and the WebSocket signing read the same offset. */
export class ClockSync implements SigningClock {
  private readonly fetchServerTime: () => Promise<number>;
  private readonly now: () => number;
  private readonly resyncMs: number;
  private readonly retryAfterFailureMs: number;
  private offsetMs = 0;
  /** When the next sync is due; -Infinity until the first one. */
  private dueAt = -Infinity;
  private inFlight: Promise<void> | undefined;

  constructor(options: ClockSyncOptions) {
    this.fetchServerTime = options.fetchServerTime;
    this.now = options.now ?? Date.now;
    this.resyncMs = options.resyncMs ?? 5 * 60_000;
    this.retryAfterFailureMs = options.retryAfterFailureMs ?? 10_000;
  }

  /** Server time minus local time, in ms (positive when the exchange's clock is ahead). */
  get offset(): number {
    return this.offsetMs;
  }

  /** The timestamp to sign with: local time corrected by the offset, syncing first when due. */
  async timestamp(): Promise<number> {
    if (this.now() >= this.dueAt) await this.sync();
    return Math.round(this.now() + this.offsetMs);
  }

  /** Forces a sync before the next signed request (after a timestamp rejection). */
  invalidate(): void {
    this.dueAt = -Infinity;
  }

  exchangeNow(): number {
    if (this.now() >= this.dueAt) void this.sync();
    return Math.round(this.now() + this.offsetMs);
  }

  resync(): Promise<void> {
    this.invalidate();
    return this.sync();
  }

  /** Measures the offset once; concurrent callers share the same measurement. */
  sync(): Promise<void> {
    this.inFlight ??= this.measure().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async measure(): Promise<void> {
    const sentAt = this.now();
    try {
      const serverMs = await this.fetchServerTime();
      const receivedAt = this.now();
      // The server read its clock somewhere in the round trip; the midpoint halves the error.
      this.offsetMs = Math.round(serverMs - (sentAt + receivedAt) / 2);
      this.dueAt = receivedAt + this.resyncMs;
    } catch {
      // Sign with the last known offset; a failing /time usually means the real request fails too.
      this.dueAt = this.now() + this.retryAfterFailureMs;
    }
  }
}
