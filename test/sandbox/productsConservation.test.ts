// Across products, funds only move: account balances plus the exchange's side stay constant per asset.
import { describe, expect, it } from 'vitest';
import type { RequestForQuote } from '../../src/exchange/types/rfq.ts';
import { body, createWorld } from './productsFixture.ts';
import type { World } from './productsFixture.ts';

const held = (world: World, asset: string): bigint =>
  world.services.ledger.total(asset) + world.services.ledger.houseBalance(asset);

describe('conservation', () => {
  it('keeps accounts + exchange constant through borrow-lend, vaults and RFQ fills', () => {
    const world = createWorld();
    const assets = ['USDC', 'SOL', 'bpUSDC'];
    const before = assets.map((asset) => held(world, asset));

    world.call('executeBorrowLend', 'demo', { symbol: 'USDC', side: 'Lend', quantity: '2500' });
    world.call('executeBorrowLend', 'alice', { symbol: 'SOL', side: 'Borrow', quantity: '3' });
    world.call('executeBorrowLend', 'demo', { symbol: 'USDC', side: 'Borrow', quantity: '4000' });
    world.call('vaultMint', 'bob', { vaultId: 1, symbol: 'USDC', quantity: '777' });
    world.call('vaultRedeem', 'bob', { vaultId: 1 });
    const rfq = body<RequestForQuote>(
      world.call('submitRfq', 'alice', { symbol: 'SOL_USDC_RFQ', side: 'Ask', quantity: '5' }),
    );
    world.advance(250);
    world.advance(61_000);
    const quote = world.events.find((e) => e.accountId === world.ids['alice'] && e.data['e'] === 'rfqCandidate');
    world.call('acceptQuote', 'alice', { quoteId: String(quote?.data['u']), rfqId: rfq.rfqId });

    expect(world.available('bob', 'bpUSDC')).toBe('0');
    expect(assets.map((asset) => held(world, asset))).toEqual(before);
  });
});
