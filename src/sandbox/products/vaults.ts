// Vaults: mint (asset → vault tokens at NAV), delayed redeem (vault tokens locked, paid at NAV after the delay),
// cancel, histories and a NAV that accrues deterministically with time.
import type { Vault, VaultHistory, VaultMint, VaultRedeem } from '../../exchange/types/vaults.ts';
import type { VaultHistoryInterval } from '../../exchange/types/enums/markets.ts';
import * as D from '../engine/decimal.ts';
import type { Decimal } from '../engine/decimal.ts';
import { SandboxError } from '../engine/errors.ts';
import { invalidRequest, parsePositive } from './amounts.ts';
import type { ProductContext } from './context.ts';
import { Sequence } from './ids.ts';
import { DAY_MS, HOUR_MS, YEAR_MS, isoDateTime } from './time.ts';

export interface VaultSpec {
  readonly id: number;
  readonly vaultToken: string;
  readonly symbol: string;
  readonly minMintQuantity: Decimal;
  readonly minRedeemTokens: Decimal;
  readonly redeemDelayMs: number;
  readonly tokenStepSize: Decimal;
  /** Total the vault accepts, in `symbol` units (remainingMintQuantity = cap − what the supply is worth). */
  readonly capacity: Decimal;
  /** Supply held by the simulated rest of the market. */
  readonly externalSupply: Decimal;
  /** NAV at `navEpoch`, growing linearly at `apr`. */
  readonly navAtEpoch: Decimal;
  readonly navEpoch: number;
  readonly apr: Decimal;
  mintsEnabled: boolean;
  redeemsEnabled: boolean;
}

export interface MintRecord {
  readonly accountId: number;
  readonly at: number;
  readonly wire: VaultMint;
}

export interface RedeemRecord {
  readonly accountId: number;
  readonly vault: VaultSpec;
  readonly at: number;
  readonly tokens: Decimal;
  wire: VaultRedeem;
}

const EPOCH = Date.UTC(2025, 0, 1);

export const VAULT_SPECS: readonly Omit<VaultSpec, 'mintsEnabled' | 'redeemsEnabled'>[] = [
  {
    id: 1,
    vaultToken: 'bpUSDC',
    symbol: 'USDC',
    minMintQuantity: D.parse('1'),
    minRedeemTokens: D.parse('1'),
    redeemDelayMs: 60_000,
    tokenStepSize: D.parse('0.000001'),
    capacity: D.parse('50000000'),
    externalSupply: D.parse('18250000'),
    navAtEpoch: D.parse('1'),
    navEpoch: EPOCH,
    apr: D.parse('0.085'),
  },
  {
    id: 2,
    vaultToken: 'bpSOL',
    symbol: 'SOL',
    minMintQuantity: D.parse('0.1'),
    minRedeemTokens: D.parse('0.1'),
    redeemDelayMs: 5 * 60_000,
    tokenStepSize: D.parse('0.000000001'),
    capacity: D.parse('250000'),
    externalSupply: D.parse('61400'),
    navAtEpoch: D.parse('1'),
    navEpoch: EPOCH,
    apr: D.parse('0.068'),
  },
];

const HISTORY_SHAPE: Readonly<Record<VaultHistoryInterval, readonly [step: number, points: number]>> = {
  '1d': [HOUR_MS, 24],
  '1w': [6 * HOUR_MS, 28],
  '1month': [DAY_MS, 30],
  '1year': [7 * DAY_MS, 52],
};

export class Vaults {
  readonly specs: VaultSpec[];
  private readonly mints: MintRecord[] = [];
  private readonly redeems: RedeemRecord[] = [];
  private readonly mintIds = new Sequence(910_000);
  private readonly redeemIds = new Sequence(920_000);

  constructor(private readonly ctx: ProductContext) {
    this.specs = VAULT_SPECS.map((spec) => ({ ...spec, mintsEnabled: true, redeemsEnabled: true }));
  }

  vault(id: number): VaultSpec {
    const vault = this.specs.find((v) => v.id === id);
    if (vault === undefined) throw new SandboxError(404, 'RESOURCE_NOT_FOUND', 'Vault not found');
    return vault;
  }

  /** NAV (asset per vault token) at `at`: linear accrual at the vault's APR, 8 decimals. */
  nav(vault: VaultSpec, at: number): Decimal {
    const elapsed = BigInt(Math.max(0, at - vault.navEpoch));
    const growth = D.div(D.mul(vault.navAtEpoch, vault.apr, 'halfEven') * elapsed, D.fromInt(YEAR_MS), 'halfEven');
    return D.round(vault.navAtEpoch + growth, 8, 'floor');
  }

  /** Tokens outstanding: the simulated market's plus every sandbox holder's (minted − redeemed). */
  supply(vault: VaultSpec): Decimal {
    let supply = vault.externalSupply;
    for (const mint of this.mints) if (mint.wire.vaultId === vault.id) supply += D.parse(mint.wire.vaultTokensMinted);
    for (const redeem of this.redeems)
      if (redeem.vault.id === vault.id && redeem.wire.status === 'Redeemed') supply -= redeem.tokens;
    return supply;
  }

  vaultsWire(): Vault[] {
    const now = this.ctx.now();
    return this.specs.map((vault) => {
      const value = D.mul(this.supply(vault), this.nav(vault, now), 'ceil');
      return {
        id: vault.id,
        vaultToken: vault.vaultToken,
        symbol: vault.symbol,
        mintsEnabled: vault.mintsEnabled,
        redeemsEnabled: vault.redeemsEnabled,
        minMintQuantity: D.toString(vault.minMintQuantity),
        minRedeemTokens: D.toString(vault.minRedeemTokens),
        redeemDelayMs: vault.redeemDelayMs,
        tokenStepSize: D.toString(vault.tokenStepSize),
        remainingMintQuantity: D.toString(D.round(D.max(0n, vault.capacity - value), this.decimals(vault), 'floor')),
      };
    });
  }

  /** Debits `quantity` of the vault's asset and credits floor(quantity / NAV) vault tokens. */
  mint(accountId: number, vaultId: number, symbol: string, quantityText: string): VaultMint {
    const vault = this.vault(vaultId);
    if (!vault.mintsEnabled) throw invalidRequest('Mints are disabled for this vault');
    if (symbol !== vault.symbol)
      throw new SandboxError(400, 'INVALID_ASSET', `Vault ${vault.id} mints with ${vault.symbol}`);
    const quantity = parsePositive(quantityText, this.decimals(vault));
    if (quantity < vault.minMintQuantity)
      throw new SandboxError(400, 'INVALID_QUANTITY', 'Quantity is below the minimum mint');
    const now = this.ctx.now();
    const nav = this.nav(vault, now);
    if (D.mul(this.supply(vault), nav, 'ceil') + quantity > vault.capacity)
      throw invalidRequest('Vault capacity reached');
    const tokens = D.toStep(D.div(quantity, nav, 'floor'), vault.tokenStepSize, 'floor');
    if (tokens <= 0n) throw new SandboxError(400, 'INVALID_QUANTITY', 'Quantity too small');
    this.ctx.ledger.debit(accountId, vault.symbol, quantity);
    this.ctx.ledger.credit(accountId, vault.vaultToken, tokens);
    // The vault is the exchange's side: it holds the asset and issues the tokens.
    this.ctx.ledger.toHouse(vault.symbol, quantity);
    this.ctx.ledger.toHouse(vault.vaultToken, -tokens);
    const wire: VaultMint = {
      id: String(this.mintIds.take()),
      vaultId: vault.id,
      vaultToken: vault.vaultToken,
      symbol: vault.symbol,
      quantity: D.toString(quantity),
      vaultTokensMinted: D.toString(tokens),
      nav: D.toString(nav),
      timestamp: now,
    };
    this.mints.push({ accountId, at: now, wire });
    return wire;
  }

  /** Locks the tokens now; `tick()` pays them out at the NAV of the moment the delay ends. Omitted = all held. */
  requestRedeem(accountId: number, vaultId: number, tokensText: string | undefined): VaultRedeem {
    const vault = this.vault(vaultId);
    if (!vault.redeemsEnabled) throw invalidRequest('Redeems are disabled for this vault');
    if (this.pending(accountId, vaultId).length > 0) throw invalidRequest('A redeem request is already pending');
    const held = this.ctx.ledger.balance(accountId, vault.vaultToken).available;
    const tokens = tokensText === undefined ? held : parsePositive(tokensText, D.decimalsOf(vault.tokenStepSize));
    if (tokens <= 0n) throw new SandboxError(400, 'INSUFFICIENT_FUNDS', 'No vault tokens to redeem');
    if (!D.isMultipleOf(tokens, vault.tokenStepSize))
      throw new SandboxError(400, 'INVALID_QUANTITY', 'Quantity decimal too long');
    if (tokens < vault.minRedeemTokens && tokens !== held)
      throw new SandboxError(400, 'INVALID_QUANTITY', 'Quantity is below the minimum redeem');
    this.ctx.ledger.lock(accountId, vault.vaultToken, tokens);
    const now = this.ctx.now();
    const record: RedeemRecord = {
      accountId,
      vault,
      at: now,
      tokens,
      wire: {
        status: 'Requested',
        id: String(this.redeemIds.take()),
        vaultId: vault.id,
        vaultTokenQuantity: D.toString(tokens),
        vaultToken: vault.vaultToken,
        symbol: vault.symbol,
        quantity: null,
        nav: null,
        reason: null,
        timestamp: now,
      },
    };
    this.redeems.push(record);
    return record.wire;
  }

  /** Unlocks the tokens of the account's pending request (400 when there is none). */
  cancelRedeem(accountId: number, vaultId: number): VaultRedeem {
    this.vault(vaultId);
    const record = this.pending(accountId, vaultId)[0];
    if (record === undefined) throw invalidRequest('No pending redeem request');
    this.ctx.ledger.unlock(accountId, record.vault.vaultToken, record.tokens);
    record.wire = { ...record.wire, status: 'Cancelled', reason: 'Cancelled by user', timestamp: this.ctx.now() };
    return record.wire;
  }

  tick(now: number): void {
    for (const record of this.redeems) {
      if (record.wire.status !== 'Requested' || now < record.at + record.vault.redeemDelayMs) continue;
      const nav = this.nav(record.vault, now);
      const payout = D.round(D.mul(record.tokens, nav, 'floor'), this.decimals(record.vault), 'floor');
      this.ctx.ledger.spendLocked(record.accountId, record.vault.vaultToken, record.tokens);
      this.ctx.ledger.credit(record.accountId, record.vault.symbol, payout);
      this.ctx.ledger.toHouse(record.vault.vaultToken, record.tokens);
      this.ctx.ledger.toHouse(record.vault.symbol, -payout);
      record.wire = {
        ...record.wire,
        status: 'Redeemed',
        quantity: D.toString(payout),
        nav: D.toString(nav),
        timestamp: now,
      };
    }
  }

  pending(accountId: number, vaultId?: number): RedeemRecord[] {
    return this.redeems.filter(
      (r) =>
        r.accountId === accountId && r.wire.status === 'Requested' && (vaultId === undefined || r.vault.id === vaultId),
    );
  }

  mintsOf(accountId: number): MintRecord[] {
    return this.mints.filter((m) => m.accountId === accountId);
  }

  redeemsOf(accountId: number): RedeemRecord[] {
    return this.redeems.filter((r) => r.accountId === accountId);
  }

  /** NAV, equity (USDC) and supply per step over the interval, oldest first, ending now. */
  history(interval: VaultHistoryInterval, vaultId: number | undefined): VaultHistory[] {
    const now = this.ctx.now();
    const [step, points] = HISTORY_SHAPE[interval];
    const vaults = vaultId === undefined ? this.specs : [this.vault(vaultId)];
    const rows: VaultHistory[] = [];
    for (const vault of vaults) {
      const supply = this.supply(vault);
      const price = this.ctx.prices.assetPrice(vault.symbol) ?? D.ONE;
      for (let i = points - 1; i >= 0; i -= 1) {
        const at = i === 0 ? now : (Math.floor(now / step) - i) * step;
        const nav = this.nav(vault, at);
        rows.push({
          vaultId: vault.id,
          timestamp: isoDateTime(at),
          nav: D.toString(nav),
          vaultEquity: D.toString(D.round(D.mul(D.mul(supply, nav, 'halfEven'), price, 'halfEven'), 2, 'halfEven')),
          tokenCirculatingSupply: D.toString(supply),
        });
      }
    }
    return rows;
  }

  private decimals(vault: VaultSpec): number {
    return this.ctx.catalog.assetDecimals(vault.symbol);
  }
}
