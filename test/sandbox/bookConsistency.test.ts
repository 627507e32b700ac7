// The WebSocket-level book property: with the live flow running fast, a REST snapshot plus the
// `depth` deltas rebuilds the book exactly; update ids are consecutive, `bookTicker` agrees, the book never crosses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Depth } from '../../src/exchange/types/marketData.ts';
import { startSandbox } from '../../src/sandbox/index.ts';
import type { SandboxHandle } from '../../src/sandbox/index.ts';
import { subscribed } from './sandboxClient.ts';
import { until } from '../support/until.ts';
import { connect } from './wsClient.ts';
import type { TestSocket } from './wsClient.ts';

interface DepthMessage {
  readonly e: 'depth';
  readonly s: string;
  readonly a: readonly (readonly [string, string])[];
  readonly b: readonly (readonly [string, string])[];
  readonly U: number;
  readonly u: number;
}

interface BookTickerMessage {
  readonly e: 'bookTicker';
  readonly s: string;
  readonly a: string | null;
  readonly A: string | null;
  readonly b: string | null;
  readonly B: string | null;
  readonly u: number;
}

/** Canonical decimal text (`"86700.0"` and `"86700"` are one level,); an independent normaliser. */
function canonical(text: string): string {
  if (!/^\d+(\.\d+)?$/.test(text)) throw new Error(`not a decimal: ${text}`);
  const [whole = '0', fraction = ''] = text.split('.');
  const trimmedWhole = whole.replace(/^0+(?=\d)/, '');
  const trimmedFraction = fraction.replace(/0+$/, '');
  return trimmedFraction === '' ? trimmedWhole : `${trimmedWhole}.${trimmedFraction}`;
}

type Side = Map<string, string>;
interface Top {
  readonly bid: readonly [string, string] | null;
  readonly ask: readonly [string, string] | null;
}

function best(side: Side, pick: 'max' | 'min'): readonly [string, string] | null {
  let found: [string, string] | null = null;
  for (const [price, size] of side) {
    if (found === null || (pick === 'max' ? Number(price) > Number(found[0]) : Number(price) < Number(found[0])))
      found = [price, size];
  }
  return found;
}

/** Follows one market: buffer, snapshot, drop `u <= L`, require `U <= L+1 <= u`, then `U == prev u + 1`. */
class BookFollower {
  readonly bids: Side = new Map();
  readonly asks: Side = new Map();
  /** Every depth message in arrival order (before and after the snapshot). */
  readonly received: DepthMessage[] = [];
  readonly problems: string[] = [];
  /** Top of book right after applying the message with this `u`. */
  readonly tops = new Map<number, Top>();
  readonly bookTickers: BookTickerMessage[] = [];
  private buffer: DepthMessage[] = [];
  private snapshotId: number | null = null;
  lastApplied: number | null = null;
  applied = 0;

  constructor(readonly symbol: string) {}

  onDepth(message: DepthMessage): void {
    const previous = this.received[this.received.length - 1];
    if (previous !== undefined && message.U !== previous.u + 1)
      this.problems.push(`${this.symbol}: U ${message.U} after u ${previous.u}`);
    if (message.U > message.u) this.problems.push(`${this.symbol}: U ${message.U} > u ${message.u}`);
    this.received.push(message);
    if (this.lastApplied !== null) this.apply(message);
    else {
      this.buffer.push(message);
      if (this.snapshotId !== null) this.drain();
    }
  }

  onBookTicker(message: BookTickerMessage): void {
    this.bookTickers.push(message);
  }

  /** Takes a REST snapshot; false when it is too old for the buffered deltas (the caller fetches again). */
  sync(depth: Depth): boolean {
    const id = Number(depth.lastUpdateId);
    const first = this.buffer.find((message) => message.u > id);
    if (first !== undefined && first.U > id + 1) return false;
    this.bids.clear();
    this.asks.clear();
    for (const [price, size] of depth.bids) this.bids.set(canonical(price), canonical(size));
    for (const [price, size] of depth.asks) this.asks.set(canonical(price), canonical(size));
    this.snapshotId = id;
    this.tops.set(id, this.top());
    this.drain();
    return true;
  }

  get synced(): boolean {
    return this.lastApplied !== null;
  }

  top(): Top {
    return { bid: best(this.bids, 'max'), ask: best(this.asks, 'min') };
  }

  /** Applies buffered deltas once one reaches past the snapshot (the REST book may be ahead of the socket). */
  private drain(): void {
    const id = this.snapshotId as number;
    this.buffer = this.buffer.filter((message) => message.u > id);
    const first = this.buffer[0];
    if (first === undefined) return;
    if (!(first.U <= id + 1 && id + 1 <= first.u)) {
      this.problems.push(`${this.symbol}: first delta U=${first.U} u=${first.u} does not cover ${id + 1}`);
      return;
    }
    this.lastApplied = id;
    for (const message of this.buffer.splice(0)) this.apply(message);
  }

  private apply(message: DepthMessage): void {
    if (this.lastApplied !== null && message.U !== this.lastApplied + 1 && this.applied > 0) {
      this.problems.push(`${this.symbol}: applying U ${message.U} after ${this.lastApplied}`);
    }
    for (const [side, levels] of [
      [this.bids, message.b],
      [this.asks, message.a],
    ] as const) {
      for (const [price, size] of levels) {
        if (Number(size) === 0) side.delete(canonical(price));
        else side.set(canonical(price), canonical(size));
      }
    }
    this.lastApplied = message.u;
    this.applied += 1;
    const top = this.top();
    this.tops.set(message.u, top);
    if (top.bid !== null && top.ask !== null && Number(top.bid[0]) >= Number(top.ask[0])) {
      this.problems.push(`${this.symbol}: crossed at u ${message.u}: bid ${top.bid[0]} >= ask ${top.ask[0]}`);
    }
  }
}

const SYMBOLS = ['SOL_USDC', 'SOL_USDC_PERP'];
const MIN_APPLIED = 150;

let sandbox: SandboxHandle;
let socket: TestSocket;
const followers = new Map(SYMBOLS.map((symbol) => [symbol, new BookFollower(symbol)]));

async function restDepth(symbol: string): Promise<Depth> {
  return (await (await fetch(`${sandbox.restUrl}/api/v1/depth?symbol=${symbol}&limit=1000`)).json()) as Depth;
}

beforeAll(async () => {
  // A fast flow: hundreds of taker orders a second plus the maker re-quoting every book each step.
  sandbox = await startSandbox({ seed: 17, flow: { enabled: true, ratePerSecond: 400 } });
  socket = await connect(sandbox.wsUrl);
  socket.socket.on('message', (raw) => {
    const { data } = JSON.parse(String(raw)) as { data: DepthMessage | BookTickerMessage };
    const follower = followers.get(data.s);
    if (data.e === 'depth') follower?.onDepth(data);
    else follower?.onBookTicker(data);
  });
  socket.send({
    method: 'SUBSCRIBE',
    params: SYMBOLS.flatMap((symbol) => [`depth.${symbol}`, `bookTicker.${symbol}`]),
  });
  for (const symbol of SYMBOLS) await subscribed(sandbox, `depth.${symbol}`);
});
afterAll(async () => {
  socket.close();
  await sandbox.close();
});

describe('a book rebuilt from a REST snapshot and depth deltas', () => {
  it('follows the live flow without gaps, crossing or bookTicker disagreement, and equals REST once paused', async () => {
    for (const follower of followers.values()) {
      // Buffer a few deltas first, as a client must, then snapshot (again if the snapshot turns out too old).
      await until(() => follower.received.length >= 5, `deltas for ${follower.symbol}`);
      let attempts = 0;
      while (!follower.sync(await restDepth(follower.symbol))) expect(++attempts).toBeLessThan(5);
      await until(() => follower.synced, `${follower.symbol} to catch up with its snapshot`);
    }
    await until(
      () => [...followers.values()].every((f) => f.applied >= MIN_APPLIED),
      `${MIN_APPLIED} applied deltas per market`,
      15_000,
    );

    sandbox.pauseFlow();
    for (const follower of followers.values()) {
      const snapshot = await restDepth(follower.symbol);
      const id = Number(snapshot.lastUpdateId);
      await until(() => follower.lastApplied === id, `${follower.symbol} to reach update ${id}`);
      // The snapshot is the whole book (well under 1000 levels), so every level is known.
      expect(snapshot.bids.length).toBeLessThan(1000);
      expect(snapshot.asks.length).toBeLessThan(1000);
      expect(follower.bids).toEqual(new Map(snapshot.bids.map(([p, q]) => [canonical(p), canonical(q)])));
      expect(follower.asks).toEqual(new Map(snapshot.asks.map(([p, q]) => [canonical(p), canonical(q)])));
      expect(follower.bids.size).toBeGreaterThan(0);
      expect(follower.asks.size).toBeGreaterThan(0);
      expect(follower.problems).toEqual([]);
    }
    sandbox.resumeFlow();
  });

  it('saw single-event depth messages with consecutive ids and bookTicker on the same sequence', () => {
    for (const follower of followers.values()) {
      const ids = new Set(follower.received.map((message) => message.u));
      expect(follower.received.every((message) => message.U === message.u)).toBe(true);
      expect(follower.bookTickers.length).toBeGreaterThan(10);
      let compared = 0;
      for (const ticker of follower.bookTickers) {
        // Every bookTicker carries the id of a depth update of this market …
        expect(ids.has(ticker.u), `${follower.symbol} bookTicker u ${ticker.u}`).toBe(true);
        // … and, once the book is followed, shows the top of book right after that update.
        const top = follower.tops.get(ticker.u);
        if (top === undefined) continue;
        compared += 1;
        expect([ticker.b, ticker.B].map((v) => (v === null ? null : canonical(v)))).toEqual(
          top.bid === null ? [null, null] : [...top.bid],
        );
        expect([ticker.a, ticker.A].map((v) => (v === null ? null : canonical(v)))).toEqual(
          top.ask === null ? [null, null] : [...top.ask],
        );
      }
      expect(compared).toBeGreaterThan(10);
    }
  });
});
