// Withdrawals: validation, balance debit (quantity + the token's fee), pending → confirmed lifecycle, internal
// transfers to other sandbox accounts, the withdrawal delay setting and the max-withdrawal limit.
import type { Token } from '../../exchange/types/assets.ts';
import type { Withdrawal, WithdrawalDelay } from '../../exchange/types/capital.ts';
import * as D from '../engine/decimal.ts';
import type { Decimal } from '../engine/decimal.ts';
import { insufficientFunds } from '../engine/ledger.ts';
import { SandboxError } from '../engine/errors.ts';
import { looksLikeAddress, transactionHashFor } from './addresses.ts';
import { invalidRequest, parsePositive } from './amounts.ts';
import type { BorrowLend } from './borrowLend.ts';
import type { Capital } from './capital.ts';
import { isBlockchain } from './capital.ts';
import type { ProductContext } from './context.ts';
import { Sequence } from './ids.ts';
import { HOUR_MS, naiveDateTime } from './time.ts';

export interface WithdrawalRecord {
  readonly accountId: number;
  readonly at: number;
  /** When the withdrawal leaves `pending` (creation + processing time, or the configured delay). */
  readonly confirmAt: number;
  wire: Withdrawal;
}

export interface WithdrawalRequest {
  readonly address: string;
  readonly blockchain: string;
  readonly symbol: string;
  readonly quantity: string;
  readonly clientId?: string;
  readonly autoBorrow?: boolean;
  readonly autoLendRedeem?: boolean;
}

interface DelayState {
  current: number;
  pending: number | null;
  pendingAt: number | null;
}

/** Simulated chain processing: a withdrawal is confirmed this long after it was requested. */
export const WITHDRAWAL_PROCESSING_MS = 5_000;

export class Withdrawals {
  private readonly rows: WithdrawalRecord[] = [];
  private readonly ids = new Sequence(7_300_000);
  private readonly delays = new Map<number, DelayState>();

  constructor(
    private readonly ctx: ProductContext,
    private readonly capital: Capital,
    private readonly borrowLend: BorrowLend,
  ) {}

  request(accountId: number, request: WithdrawalRequest): Withdrawal {
    const token = this.token(request.symbol, request.blockchain);
    const decimals = this.ctx.catalog.assetDecimals(request.symbol);
    const quantity = parsePositive(request.quantity, decimals);
    if (!token.withdrawEnabled) throw new SandboxError(400, 'INVALID_ASSET', 'Withdrawals are disabled for this asset');
    if (quantity < D.parse(token.minimumWithdrawal))
      throw new SandboxError(400, 'INVALID_QUANTITY', 'Quantity is below the minimum withdrawal');
    if (token.maximumWithdrawal != null && quantity > D.parse(token.maximumWithdrawal)) {
      throw new SandboxError(400, 'INVALID_QUANTITY', 'Quantity is above the maximum withdrawal');
    }
    if (!looksLikeAddress(request.blockchain, request.address)) throw invalidRequest('Invalid address');
    if (request.clientId !== undefined && request.clientId.length > 255) throw invalidRequest('Client id too long');

    const recipient = this.capital.ownerOf(request.address);
    if (recipient === accountId) throw invalidRequest('Cannot withdraw to your own deposit address');
    // Transfers between sandbox accounts settle internally, without the network fee.
    const fee = recipient === undefined ? D.parse(token.withdrawalFee) : 0n;
    this.cover(accountId, request, quantity + fee);
    this.ctx.ledger.debit(accountId, request.symbol, quantity + fee);
    this.ctx.ledger.toHouse(request.symbol, fee);

    const now = this.ctx.now();
    const id = this.ids.take();
    const delay = this.delayState(accountId, now);
    const delayed = delay !== undefined && delay.current > 0 && recipient === undefined;
    const confirmAt = delayed ? now + delay.current * HOUR_MS : now + WITHDRAWAL_PROCESSING_MS;
    const wire: Withdrawal = {
      id,
      blockchain: request.blockchain as Withdrawal['blockchain'],
      clientId: request.clientId ?? null,
      identifier: null,
      quantity: D.toString(quantity),
      fee: D.toString(fee),
      fiatFee: null,
      fiatState: null,
      fiatSymbol: null,
      providerId: null,
      symbol: request.symbol,
      status: 'pending',
      subaccountId: null,
      toAddress: request.address,
      transactionHash: null,
      createdAt: naiveDateTime(now),
      isInternal: recipient !== undefined,
      bankName: null,
      bankIdentifier: null,
      accountIdentifier: null,
      triggerAt: delayed ? naiveDateTime(confirmAt) : null,
    };
    const record: WithdrawalRecord = { accountId, at: now, confirmAt, wire };
    this.rows.push(record);
    if (recipient !== undefined) {
      const txHash = transactionHashFor(request.blockchain, 'withdrawal', id);
      this.capital.creditInternal(recipient, request.symbol, quantity, request.address, txHash);
      this.confirm(record, txHash);
    }
    return { ...record.wire };
  }

  /** Confirms withdrawals whose processing time (or delay) has passed. */
  tick(now: number): void {
    for (const record of this.rows) {
      if (record.wire.status === 'pending' && now >= record.confirmAt) {
        this.confirm(record, transactionHashFor(record.wire.blockchain, 'withdrawal', record.wire.id));
      }
    }
    for (const [accountId] of this.delays) this.delayState(accountId, now);
  }

  withdrawalsOf(accountId: number): WithdrawalRecord[] {
    return this.rows.filter((row) => row.accountId === accountId);
  }

  /**
   * Largest quantity a withdrawal accepts: available (plus redeemable lend / borrowable amount with the auto flags)
   * less the cheapest chain's fee, since a withdrawal debits quantity + fee.
   */
  maxWithdrawal(accountId: number, symbol: string, autoBorrow: boolean, autoLendRedeem: boolean): Decimal {
    let spendable = this.ctx.ledger.balance(accountId, symbol).available;
    if (autoBorrow) spendable += this.borrowLend.pools.has(symbol) ? this.borrowLend.maxBorrow(accountId, symbol) : 0n;
    else if (autoLendRedeem)
      spendable += D.max(0n, this.borrowLend.pools.has(symbol) ? this.borrowLend.net(accountId, symbol) : 0n);
    const fees = (this.ctx.catalog.asset(symbol)?.tokens ?? [])
      .filter((t) => t.withdrawEnabled)
      .map((t) => D.parse(t.withdrawalFee));
    const fee = fees.length === 0 ? 0n : fees.reduce((a, b) => D.min(a, b));
    return D.max(0n, spendable - fee);
  }

  /** GET: 404 when the account never configured one. */
  getDelay(accountId: number): WithdrawalDelay {
    const state = this.delayState(accountId, this.ctx.now());
    if (state === undefined) throw new SandboxError(404, 'RESOURCE_NOT_FOUND', 'Withdrawal delay not found');
    return this.delayWire(state);
  }

  /** POST: 409 when one already exists. */
  createDelay(accountId: number, hours: number): void {
    if (this.delayState(accountId, this.ctx.now()) !== undefined) {
      throw new SandboxError(409, 'INVALID_CLIENT_REQUEST', 'Withdrawal delay already exists');
    }
    this.delays.set(accountId, { current: checkHours(hours), pending: null, pendingAt: null });
  }

  /** PATCH: the new value takes effect after the current delay period (404 when none exists). */
  updateDelay(accountId: number, hours: number): WithdrawalDelay {
    const now = this.ctx.now();
    const state = this.delayState(accountId, now);
    if (state === undefined) throw new SandboxError(404, 'RESOURCE_NOT_FOUND', 'Withdrawal delay not found');
    state.pending = checkHours(hours);
    state.pendingAt = now + state.current * HOUR_MS;
    if (state.current === 0) this.delayState(accountId, now);
    return this.delayWire(state);
  }

  private delayState(accountId: number, now: number): DelayState | undefined {
    const state = this.delays.get(accountId);
    if (state !== undefined && state.pending !== null && state.pendingAt !== null && now >= state.pendingAt) {
      state.current = state.pending;
      state.pending = null;
      state.pendingAt = null;
    }
    return state;
  }

  private delayWire(state: DelayState): WithdrawalDelay {
    return {
      currentWithdrawalDelayHours: state.current,
      pendingWithdrawalDelayHours: state.pending,
      pendingWithdrawalDelayHoursEnabledAt: state.pendingAt === null ? null : naiveDateTime(state.pendingAt),
    };
  }

  private token(symbol: string, blockchain: string): Token {
    if (!isBlockchain(blockchain)) throw invalidRequest('Invalid blockchain');
    const asset = this.ctx.catalog.asset(symbol);
    if (asset === undefined) throw new SandboxError(400, 'INVALID_ASSET', 'Invalid asset');
    const token = asset.tokens.find((entry) => entry.blockchain === blockchain);
    if (token === undefined) throw invalidRequest(`${symbol} is not supported on ${blockchain}`);
    return token;
  }

  /** With autoLendRedeem/autoBorrow, a shortfall is covered by redeeming the lend (then borrowing) first. */
  private cover(accountId: number, request: WithdrawalRequest, needed: Decimal): void {
    const shortfall = needed - this.ctx.ledger.balance(accountId, request.symbol).available;
    if (shortfall <= 0n) return;
    if (
      !(request.autoBorrow === true || request.autoLendRedeem === true) ||
      !this.borrowLend.pools.has(request.symbol)
    ) {
      throw insufficientFunds();
    }
    const lent = D.max(0n, this.borrowLend.net(accountId, request.symbol));
    const allowed = request.autoBorrow === true ? shortfall : D.min(shortfall, lent);
    if (allowed < shortfall) throw insufficientFunds();
    this.borrowLend.execute(accountId, request.symbol, 'Borrow', D.toString(allowed), 'Withdrawal');
  }

  private confirm(record: WithdrawalRecord, txHash: string): void {
    record.wire = { ...record.wire, status: 'confirmed', transactionHash: txHash, identifier: txHash };
  }
}

function checkHours(hours: number): number {
  if (!Number.isInteger(hours) || hours < 0 || hours > 24 * 30) throw invalidRequest('Invalid withdrawal delay hours');
  return hours;
}
