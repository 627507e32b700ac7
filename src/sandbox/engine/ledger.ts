// Accounts, per-asset balances (available/locked/staked), account settings and fee rates; every change is streamed.
import { SandboxError } from './errors.ts';
import type { StreamSink } from '../ws/sink.ts';
import * as D from './decimal.ts';
import type { Decimal } from './decimal.ts';
import type { EngineClock } from './time.ts';

export interface BalanceState {
  readonly available: Decimal;
  readonly locked: Decimal;
  readonly staked: Decimal;
}

/** The `/capital` wire row. */
export interface BalanceWire {
  readonly available: string;
  readonly locked: string;
  readonly staked: string;
}

export interface AccountSettings {
  autoBorrowSettlements: boolean;
  autoLend: boolean;
  autoRealizePnl: boolean;
  autoRepayBorrows: boolean;
  /** Maximum leverage; initial margin fraction is at least 1 / leverageLimit. */
  leverageLimit: Decimal;
}

/** Fee rates in basis points (negative maker = rebate), as `AccountSummary` prints them. */
export interface FeeRates {
  spotMaker: Decimal;
  spotTaker: Decimal;
  futuresMaker: Decimal;
  futuresTaker: Decimal;
}

export interface AccountRecord {
  /** The exchange's `userId`: small integers starting at 1. */
  readonly id: number;
  readonly name: string;
  readonly settings: AccountSettings;
  readonly fees: FeeRates;
}

export interface CreateAccountOptions {
  readonly settings?: Partial<AccountSettings>;
  readonly fees?: Partial<FeeRates>;
}

const ZERO_BALANCE: BalanceState = { available: 0n, locked: 0n, staked: 0n };

/** Default tier-1 rates: spot 8/10 bps, futures 2/5 bps. */
export const DEFAULT_FEES: FeeRates = {
  spotMaker: D.parse('8'),
  spotTaker: D.parse('10'),
  futuresMaker: D.parse('2'),
  futuresTaker: D.parse('5'),
};

export function insufficientFunds(): SandboxError {
  return new SandboxError(400, 'INSUFFICIENT_FUNDS', 'Insufficient funds');
}

export class Ledger {
  private readonly accounts = new Map<number, AccountRecord>();
  private readonly balanceMap = new Map<number, Map<string, BalanceState>>();
  /** The exchange's own side of every flow: fees collected, funding/insurance rounding. May go negative. */
  private readonly house = new Map<string, Decimal>();

  constructor(
    private readonly sink: StreamSink,
    private readonly clock: EngineClock,
  ) {}

  createAccount(name: string, options: CreateAccountOptions = {}): number {
    const id = this.accounts.size + 1;
    this.accounts.set(id, {
      id,
      name,
      settings: {
        autoBorrowSettlements: true,
        autoLend: false,
        autoRealizePnl: false,
        autoRepayBorrows: true,
        leverageLimit: D.parse('10'),
        ...options.settings,
      },
      fees: { ...DEFAULT_FEES, ...options.fees },
    });
    this.balanceMap.set(id, new Map());
    return id;
  }

  hasAccount(id: number): boolean {
    return this.accounts.has(id);
  }

  account(id: number): AccountRecord {
    const account = this.accounts.get(id);
    if (account === undefined) throw new SandboxError(401, 'UNAUTHORIZED', 'Unauthorized');
    return account;
  }

  accountIds(): number[] {
    return [...this.accounts.keys()];
  }

  updateSettings(id: number, patch: Partial<AccountSettings>): void {
    const defined = Object.entries(patch).filter(([, value]) => value !== undefined);
    Object.assign(this.account(id).settings, Object.fromEntries(defined));
  }

  setFees(id: number, patch: Partial<FeeRates>): void {
    Object.assign(this.account(id).fees, patch);
  }

  balance(id: number, asset: string): BalanceState {
    return this.balanceMap.get(id)?.get(asset) ?? ZERO_BALANCE;
  }

  /** Every asset the account ever held, as the `/capital` object. */
  balancesWire(id: number): Record<string, BalanceWire> {
    this.account(id);
    const result: Record<string, BalanceWire> = {};
    for (const [asset, state] of this.balanceMap.get(id) ?? []) result[asset] = toWire(state);
    return result;
  }

  assets(id: number): string[] {
    return [...(this.balanceMap.get(id)?.keys() ?? [])];
  }

  /** Adds to `available` (deposits, fills received, PnL gains). */
  credit(id: number, asset: string, amount: Decimal): void {
    nonNegative(amount);
    this.change(id, asset, amount, 0n, 0n);
  }

  /** Takes from `available`; INSUFFICIENT_FUNDS if it would go negative. */
  debit(id: number, asset: string, amount: Decimal): void {
    nonNegative(amount);
    this.change(id, asset, -amount, 0n, 0n);
  }

  /** Moves `available` → `locked` (resting orders, margin). */
  lock(id: number, asset: string, amount: Decimal): void {
    nonNegative(amount);
    this.change(id, asset, -amount, amount, 0n);
  }

  /** Moves `locked` → `available` (cancels, unused order funds). */
  unlock(id: number, asset: string, amount: Decimal): void {
    nonNegative(amount);
    this.change(id, asset, amount, -amount, 0n);
  }

  /** Removes funds from `locked` (a resting order's funds paid away in a fill). */
  spendLocked(id: number, asset: string, amount: Decimal): void {
    nonNegative(amount);
    this.change(id, asset, 0n, -amount, 0n);
  }

  /** Moves `available` → `staked`. */
  stake(id: number, asset: string, amount: Decimal): void {
    nonNegative(amount);
    this.change(id, asset, -amount, 0n, amount);
  }

  /** Moves `staked` → `available`. */
  unstake(id: number, asset: string, amount: Decimal): void {
    nonNegative(amount);
    this.change(id, asset, amount, 0n, -amount);
  }

  /** Moves `available` from one account to another. */
  transfer(from: number, to: number, asset: string, amount: Decimal): void {
    this.debit(from, asset, amount);
    this.credit(to, asset, amount);
  }

  /** Books an amount to the exchange's side (fees taken: positive; rebates/shortfalls paid: negative). */
  toHouse(asset: string, amount: Decimal): void {
    if (amount !== 0n) this.house.set(asset, (this.house.get(asset) ?? 0n) + amount);
  }

  houseBalance(asset: string): Decimal {
    return this.house.get(asset) ?? 0n;
  }

  /** Sum over all accounts of available + locked + staked (conservation checks). */
  total(asset: string): Decimal {
    let total = 0n;
    for (const balances of this.balanceMap.values()) {
      const state = balances.get(asset);
      if (state !== undefined) total += state.available + state.locked + state.staked;
    }
    return total;
  }

  private change(id: number, asset: string, available: Decimal, locked: Decimal, staked: Decimal): void {
    this.account(id);
    if (available === 0n && locked === 0n && staked === 0n) return;
    const balances = this.balanceMap.get(id) as Map<string, BalanceState>;
    const before = balances.get(asset) ?? ZERO_BALANCE;
    const after: BalanceState = {
      available: before.available + available,
      locked: before.locked + locked,
      staked: before.staked + staked,
    };
    if (after.available < 0n || after.locked < 0n || after.staked < 0n) throw insufficientFunds();
    balances.set(asset, after);
    const engineTime = this.clock.micros();
    this.sink.publishPrivate(id, 'account.balanceUpdate', null, {
      e: 'balanceUpdate',
      E: engineTime + 1,
      a: asset,
      A: D.toString(after.available),
      L: D.toString(after.locked),
      S: D.toString(after.staked),
      T: engineTime,
    });
  }
}

function nonNegative(amount: Decimal): void {
  // Each operation names its direction; a negative amount would silently invert it.
  if (amount < 0n) throw new RangeError(`Ledger amounts must be non-negative, got ${D.toString(amount)}`);
}

function toWire(state: BalanceState): BalanceWire {
  return {
    available: D.toString(state.available),
    locked: D.toString(state.locked),
    staked: D.toString(state.staked),
  };
}
