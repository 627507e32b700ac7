// End to end: every private read and the remaining mutations once against the sandbox, checking values where the
// sandbox makes them predictable (so wire-shape mismatches show up as failures, not as production nulls).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '../../src/server.ts';
import { compareDecimal } from '../../src/schema/validation/decimal.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { gql } from '../support/gql.ts';

let env: TestGateway;
let gateway: Gateway;
/** A second account (bob) so that RFQs have a requester and a quoter. */
let requester: Gateway;

beforeAll(async () => {
  env = await startGateway({ sandbox: { seed: 5, flow: { enabled: false } }, account: 'alice' });
  gateway = env.gateway;
  requester = await env.gatewayAs('bob');
});

afterAll(async () => {
  await env?.close();
});

async function ok(source: string, variables?: Record<string, unknown>, target: Gateway = gateway): Promise<any> {
  const { body } = await gql(target, source, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

const page = 'pageInfo { hasNextPage limit offset }';

describe('every private read against the sandbox', () => {
  it('answers the account summary, limits and capital', async () => {
    const data = await ok(`{ account {
      summary { fees { spotMaker spotTaker futuresMaker futuresTaker } limits { borrowLimit leverageLimit positionLimit openLimitOrders openTriggerOrders } settings { autoBorrowSettlements autoLend autoRealizePnl autoRepayBorrows } liquidating }
      balances { symbol available locked staked total asset { symbol } }
      collateral { assetsValue netEquity marginFraction imf mmf collateral { symbol collateralValue availableQuantity asset { symbol } } }
      maxBorrowQuantity(asset: "USDC") { symbol maxBorrowQuantity }
      maxOrderQuantity(symbol: "SOL_USDC", side: BID, price: "140") { symbol side maxOrderQuantity }
      maxWithdrawalQuantity(asset: "USDC") { symbol maxWithdrawalQuantity }
      depositAddress(blockchain: SOLANA) { blockchain address }
      deposits { items { id symbol quantity status createdAt } ${page} }
      withdrawals { items { id } ${page} }
      dustHistory { items { id } ${page} }
    } }`);
    expect(data.account.balances).toContainEqual({
      symbol: 'USDC',
      available: '50000',
      locked: '0',
      staked: '0',
      total: '50000',
      asset: { symbol: 'USDC' },
    });
    expect(data.account.summary.liquidating).toBe(false);
    // The balance less the network fee: positive and below the balance.
    const max = data.account.maxWithdrawalQuantity.maxWithdrawalQuantity;
    expect(compareDecimal(max, '0')).toBe(1);
    expect(compareDecimal(max, '50000')).toBe(-1);
    expect(data.account.depositAddress.blockchain).toBe('Solana');
  });

  it('trades a perpetual and sees the position with its market and mark price', async () => {
    const placed = await ok(`mutation { executeOrders(inputs: [
      { symbol: "SOL_USDC_PERP", side: BID, orderType: MARKET, quantity: "0.5" },
      { symbol: "SOL_USDC_PERP", side: BID, orderType: LIMIT, price: "120", quantity: "0.3" },
      { symbol: "SOL_USDC_PERP", side: BID, orderType: LIMIT, price: "120.001", quantity: "0.3" }
    ]) { ... on ExecuteOrdersSuccess { results { __typename ... on ExecuteOrdersItemSuccess { order { status orderType } } ... on InvalidOrder { field } } } } }`);
    expect(placed.executeOrders.results).toEqual([
      { __typename: 'ExecuteOrdersItemSuccess', order: { status: 'FILLED', orderType: 'MARKET' } },
      { __typename: 'ExecuteOrdersItemSuccess', order: { status: 'NEW', orderType: 'LIMIT' } },
      { __typename: 'InvalidOrder', field: 'price' },
    ]);
    const data = await ok(`{ account {
      positions { id symbol netQuantity entryPrice positionMarkPrice pnlUnrealized estLiquidationPrice market { symbol } markPrice { markPrice } imfFunction { base } }
      openOrders(marketType: PERP) { id price fills { id: tradeId } }
      orderHistory(symbol: "SOL_USDC_PERP") { items { id status orderType createdAt } ${page} }
      positionHistory { items { id state } ${page} }
      fundingPayments { items { quantity } ${page} }
      settlements { items { quantity source } ${page} }
    } }`);
    expect(data.account.positions).toHaveLength(1);
    expect(data.account.positions[0]).toMatchObject({
      symbol: 'SOL_USDC_PERP',
      netQuantity: '0.5',
      market: { symbol: 'SOL_USDC_PERP' },
    });
    expect(data.account.positions[0].markPrice).not.toBeNull();
    expect(data.account.openOrders).toEqual([expect.objectContaining({ price: '120', fills: [] })]);
    expect(data.account.orderHistory.items.length).toBeGreaterThanOrEqual(2);
    const cancelled = await ok(
      `mutation { cancelOpenOrders(symbol: "SOL_USDC_PERP") { ... on CancelOpenOrdersSuccess { orders { status } } } }`,
    );
    expect(cancelled.cancelOpenOrders.orders).toEqual([{ status: 'CANCELLED' }]);
  });

  it('answers the borrow-lend, RFQ, strategy and vault reads', async () => {
    const data = await ok(`{ account {
      borrowLendPositions { symbol netQuantity }
      borrowLendHistory { items { eventType } ${page} }
      interestHistory { items { quantity } ${page} }
      borrowLendPositionHistory { items { positionId } ${page} }
      rfqs { id }
      rfqHistory { items { id } ${page} }
      quoteHistory { items { id } ${page} }
      rfqFillHistory { items { rfqId } ${page} }
      quoteFillHistory { items { quoteId } ${page} }
      openStrategies { id }
      strategyHistory { items { id } ${page} }
      vaultMints { items { id } ${page} }
      vaultRedeems { items { id } ${page} }
      vaultNav { vaultId nav timestamp }
    } }`);
    expect(data.account.rfqs).toEqual([]);
    expect(data.account.vaultNav.length).toBeGreaterThan(0);
    expect(data.account.vaultNav[0].nav).toMatch(/^\d+(\.\d+)?$/);
  });
});

describe('the remaining mutations against the sandbox', () => {
  it('updates settings, lends, converts dust and issues a 2FA token', async () => {
    const settings = await ok(
      `mutation { updateAccountSettings(input: { autoLend: true, leverageLimit: "5" }) { __typename ... on UpdateAccountSettingsSuccess { summary { settings { autoLend } limits { leverageLimit } } } ... on MutationError { message } } }`,
    );
    expect(settings.updateAccountSettings).toEqual({
      __typename: 'UpdateAccountSettingsSuccess',
      summary: { settings: { autoLend: true }, limits: { leverageLimit: '5' } },
    });
    const lent = await ok(
      `mutation { borrowLend(input: { asset: "USDC", side: LEND, quantity: "100" }) { __typename ... on BorrowLendSuccess { execution { position { symbol netQuantity } } } ... on MutationError { message } } }`,
    );
    expect(lent.borrowLend).toEqual({
      __typename: 'BorrowLendSuccess',
      execution: { position: { symbol: 'USDC', netQuantity: '100' } },
    });
    const dust = await ok(
      `mutation { convertDust { __typename ... on ConvertDustSuccess { balances { symbol } } ... on MutationError { message } } }`,
    );
    expect(dust.convertDust.__typename).toBe('ConvertDustSuccess');
    const token = await ok(
      `mutation { issueTwoFactorToken(app: "sweep") { ... on IssueTwoFactorTokenSuccess { token { signature } } } }`,
    );
    expect(token.issueTwoFactorToken.token.signature).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('starts and cancels a strategy, and mints, redeems and cancels on a vault', async () => {
    const created =
      await ok(`mutation { createStrategy(input: { symbol: "SOL_USDC", side: BID, quantity: "1", durationMs: 3600000, intervalMs: 60000, price: "120" }) {
      __typename ... on CreateStrategySuccess { strategy { id status } } ... on MutationError { message }
    } }`);
    expect(created.createStrategy).toMatchObject({
      __typename: 'CreateStrategySuccess',
      strategy: { status: 'RUNNING' },
    });
    const id = created.createStrategy.strategy.id;
    const read = await ok(`{ account { strategy(symbol: "SOL_USDC", id: "${id}") { id status } } }`);
    expect(read.account.strategy).toEqual({ id, status: 'RUNNING' });
    const cancelled = await ok(
      `mutation { cancelStrategy(symbol: "SOL_USDC", id: "${id}") { __typename ... on CancelStrategySuccess { strategy { id } } } cancelOpenStrategies(symbol: "SOL_USDC") { __typename } }`,
    );
    expect(cancelled.cancelStrategy.__typename).toBe('CancelStrategySuccess');
    expect(cancelled.cancelOpenStrategies.__typename).toBe('CancelOpenStrategiesSuccess');

    const vaults = await ok(`{ vaults { id symbol minMintQuantity } }`);
    const vault = vaults.vaults.find((v: any) => v.symbol === 'USDC');
    expect(vault).toBeDefined();
    const minted = await ok(
      `mutation { mintVault(vaultId: "${vault.id}", quantity: "1000") { __typename ... on MintVaultSuccess { request { quantity vault { id } } } ... on MutationError { message } } }`,
    );
    expect(minted.mintVault).toEqual({
      __typename: 'MintVaultSuccess',
      request: { quantity: '1000', vault: { id: vault.id } },
    });
    const mints = await ok(
      `{ account { vaultMints(vaultId: "${vault.id}") { items { quantity vaultTokensMinted } } } }`,
    );
    expect(mints.account.vaultMints.items).toEqual([expect.objectContaining({ quantity: '1000' })]);
    const redeem = await ok(
      `mutation { requestVaultRedeem(vaultId: "${vault.id}") { __typename ... on MutationError { message } } }`,
    );
    expect(redeem.requestVaultRedeem.__typename).toBe('RequestVaultRedeemSuccess');
    const pending = await ok(`{ account { vaultPendingRedeems(vaultId: "${vault.id}") { status } } }`);
    expect(pending.account.vaultPendingRedeems).toEqual([{ status: 'REQUESTED' }]);
    const cancel = await ok(
      `mutation { cancelVaultRedeem(vaultId: "${vault.id}") { __typename ... on MutationError { message } } }`,
    );
    expect(cancel.cancelVaultRedeem.__typename).toBe('CancelVaultRedeemSuccess');
  });
});

describe('RFQs between two accounts on the sandbox', () => {
  it('bob requests, alice quotes, bob accepts; both histories show the fill', async () => {
    const submitted = await ok(
      `mutation { submitRfq(input: { symbol: "SOL_USDC_RFQ", side: BID, quantity: "2", clientId: "77" }) {
      __typename ... on SubmitRfqSuccess { rfq { id clientId status side quantity } } ... on MutationError { message }
    } }`,
      undefined,
      requester,
    );
    expect(submitted.submitRfq).toMatchObject({
      __typename: 'SubmitRfqSuccess',
      rfq: { clientId: '77', status: 'NEW', side: 'BID', quantity: '2' },
    });
    const rfqId = submitted.submitRfq.rfq.id;
    const active = await ok(`{ account { rfqs { id } } }`, undefined, requester);
    expect(active.account.rfqs).toContainEqual({ id: rfqId });

    const quoted = await ok(
      `mutation($rfqId: ID!) { submitQuote(input: { rfqId: $rfqId, bidPrice: "149", askPrice: "151" }) {
      __typename ... on SubmitQuoteSuccess { quote { id rfqId bidPrice askPrice status } } ... on MutationError { message }
    } }`,
      { rfqId },
    );
    expect(quoted.submitQuote).toMatchObject({
      __typename: 'SubmitQuoteSuccess',
      quote: { rfqId, bidPrice: '149', askPrice: '151', status: 'NEW' },
    });
    const quoteId = quoted.submitQuote.quote.id;

    const accepted = await ok(
      `mutation($quoteId: ID!) { acceptQuote(quoteId: $quoteId, clientId: "77") {
      __typename ... on AcceptQuoteSuccess { rfq { id } } ... on MutationError { message code }
    } }`,
      { quoteId },
      requester,
    );
    expect(accepted.acceptQuote).toEqual({ __typename: 'AcceptQuoteSuccess', rfq: { id: rfqId } });

    const fills = await ok(
      `{ account { rfqFillHistory { items { rfqId quoteId fillPrice side } } } }`,
      undefined,
      requester,
    );
    expect(fills.account.rfqFillHistory.items).toContainEqual({ rfqId, quoteId, fillPrice: '151', side: 'BID' });
    const quoteFills = await ok(
      `{ account { quoteFillHistory { items { quoteId fillPrice side } } quoteHistory { items { id } } } }`,
    );
    expect(quoteFills.account.quoteFillHistory.items).toContainEqual({ quoteId, fillPrice: '151', side: 'ASK' });
    expect(quoteFills.account.quoteHistory.items).toContainEqual({ id: quoteId });
  });

  it('refreshes and cancels an RFQ, which then shows in the RFQ history', async () => {
    const submitted = await ok(
      `mutation { submitRfq(input: { symbol: "SOL_USDC_RFQ", side: ASK, quoteQuantity: "300" }) { ... on SubmitRfqSuccess { rfq { id } } } }`,
      undefined,
      requester,
    );
    const rfqId = submitted.submitRfq.rfq.id;
    const refreshed = await ok(
      `mutation($rfqId: ID!) { refreshRfq(rfqId: $rfqId) { __typename ... on RefreshRfqSuccess { rfq { id status } } ... on MutationError { message } } }`,
      { rfqId },
      requester,
    );
    expect(refreshed.refreshRfq).toEqual({ __typename: 'RefreshRfqSuccess', rfq: { id: rfqId, status: 'NEW' } });
    const cancelled = await ok(
      `mutation($rfqId: ID!) { cancelRfq(rfqId: $rfqId) { __typename ... on CancelRfqSuccess { rfq { status } } ... on MutationError { message } } }`,
      { rfqId },
      requester,
    );
    expect(cancelled.cancelRfq).toEqual({ __typename: 'CancelRfqSuccess', rfq: { status: 'CANCELLED' } });
    const history = await ok(
      `query($rfqId: ID!) { account { rfqHistory(rfqId: $rfqId) { items { id status quoteQuantity } } } }`,
      { rfqId },
      requester,
    );
    expect(history.account.rfqHistory.items).toEqual([{ id: rfqId, status: 'CANCELLED', quoteQuantity: '300' }]);
  });
});
