// Derives `depth.200ms/600ms/1000ms.<symbol>` from per-event `depth.<symbol>` messages.
import { DEPTH_WINDOWS } from './streams.ts';
import type { DepthWindow } from './streams.ts';

const WINDOW_MS: Readonly<Record<DepthWindow, number>> = { '200ms': 200, '600ms': 600, '1000ms': 1000 };

type Level = readonly [string, string];

export interface DepthMessage {
  readonly e: 'depth';
  readonly E: number;
  readonly s: string;
  readonly a: readonly Level[];
  readonly b: readonly Level[];
  readonly U: number;
  readonly u: number;
  readonly T: number;
}

interface Batch {
  first: number;
  last: number;
  engineTime: number;
  // Latest absolute size per price (a later 0 still deletes the level, so it is kept).
  readonly asks: Map<string, string>;
  readonly bids: Map<string, string>;
  readonly timer: NodeJS.Timeout;
}

function isLevels(value: unknown): value is readonly Level[] {
  return (
    Array.isArray(value) &&
    value.every((level) => Array.isArray(level) && typeof level[0] === 'string' && typeof level[1] === 'string')
  );
}

/** Narrows an engine payload to a depth message; anything else is not aggregated. */
export function asDepthMessage(data: object): DepthMessage | null {
  const d = data as Partial<Record<keyof DepthMessage, unknown>>;
  if (typeof d.U !== 'number' || typeof d.u !== 'number' || typeof d.s !== 'string') return null;
  if (!isLevels(d.a) || !isLevels(d.b)) return null;
  return { e: 'depth', E: Number(d.E ?? 0), s: d.s, a: d.a, b: d.b, U: d.U, u: d.u, T: Number(d.T ?? d.E ?? 0) };
}

export interface DepthWindowsOptions {
  /** Delivers an aggregated message on `depth.<window>.<symbol>`. */
  readonly emit: (stream: string, data: DepthMessage) => void;
  /** Only windows somebody listens to are aggregated (no idle timers). */
  readonly hasSubscribers: (stream: string) => boolean;
  /** Event time for the aggregated message, µs. */
  readonly nowMicros: () => number;
}

export class DepthWindows {
  private readonly batches = new Map<string, Batch>();

  constructor(private readonly options: DepthWindowsOptions) {}

  push(symbol: string, message: DepthMessage): void {
    for (const window of DEPTH_WINDOWS) {
      const stream = `depth.${window}.${symbol}`;
      if (!this.options.hasSubscribers(stream)) continue;
      let batch = this.batches.get(stream);
      if (batch === undefined) {
        const timer = setTimeout(() => this.flush(stream, symbol), WINDOW_MS[window]);
        timer.unref();
        batch = { first: message.U, last: message.u, engineTime: message.T, asks: new Map(), bids: new Map(), timer };
        this.batches.set(stream, batch);
      }
      batch.last = message.u;
      batch.engineTime = message.T;
      for (const [price, size] of message.a) batch.asks.set(price, size);
      for (const [price, size] of message.b) batch.bids.set(price, size);
    }
  }

  private flush(stream: string, symbol: string): void {
    const batch = this.batches.get(stream);
    this.batches.delete(stream);
    if (batch === undefined) return;
    this.options.emit(stream, {
      e: 'depth',
      E: this.options.nowMicros(),
      s: symbol,
      a: [...batch.asks],
      b: [...batch.bids],
      U: batch.first,
      u: batch.last,
      T: batch.engineTime,
    });
  }

  close(): void {
    for (const batch of this.batches.values()) clearTimeout(batch.timer);
    this.batches.clear();
  }
}
