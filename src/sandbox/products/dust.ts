// Dust conversion: small balances (worth under 1 USDC) swapped into USDC at the asset's price, with history rows.
import type { DustConversion } from '../../exchange/types/history.ts';
import * as D from '../engine/decimal.ts';
import { invalidRequest } from './amounts.ts';
import type { ProductContext } from './context.ts';
import { Sequence } from './ids.ts';
import { naiveDateTime } from './time.ts';

/** Balances worth less than this (in USDC) count as dust. */
export const DUST_THRESHOLD_USDC = D.parse('1');

export interface DustRecord {
  readonly accountId: number;
  readonly at: number;
  readonly wire: DustConversion;
}

export class Dust {
  private readonly rows: DustRecord[] = [];
  private readonly ids = new Sequence(310_000);

  constructor(private readonly ctx: ProductContext) {}

  /**
   * Converts one asset's dust, or every dust balance when `symbol` is omitted (nothing to convert is fine then).
   * The exchange takes the asset and pays USDC rounded down to 6 decimals.
   */
  convert(accountId: number, symbol: string | undefined): DustConversion[] {
    const assets = symbol === undefined ? this.ctx.ledger.assets(accountId) : [symbol];
    const converted: DustConversion[] = [];
    for (const asset of assets) {
      const row = this.convertOne(accountId, asset);
      if (row !== null) converted.push(row);
      else if (symbol !== undefined) throw invalidRequest(`No dust to convert for ${symbol}`);
    }
    return converted;
  }

  rowsOf(accountId: number): DustRecord[] {
    return this.rows.filter((row) => row.accountId === accountId);
  }

  private convertOne(accountId: number, asset: string): DustConversion | null {
    if (asset === 'USDC') return null;
    const quantity = this.ctx.ledger.balance(accountId, asset).available;
    const price = this.ctx.prices.assetPrice(asset);
    if (quantity <= 0n || price === null) return null;
    const value = D.mul(quantity, price, 'floor');
    if (value >= DUST_THRESHOLD_USDC) return null;
    const usdc = D.round(value, this.ctx.catalog.assetDecimals('USDC'), 'floor');
    this.ctx.ledger.debit(accountId, asset, quantity);
    this.ctx.ledger.toHouse(asset, quantity);
    this.ctx.ledger.credit(accountId, 'USDC', usdc);
    this.ctx.ledger.toHouse('USDC', -usdc);
    const now = this.ctx.now();
    const wire: DustConversion = {
      id: this.ids.take(),
      quantity: D.toString(quantity),
      symbol: asset,
      usdcReceived: D.toString(usdc),
      timestamp: naiveDateTime(now),
    };
    this.rows.push({ accountId, at: now, wire });
    return wire;
  }
}
