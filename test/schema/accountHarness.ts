// Runs GraphQL operations against the real schema with a fake exchange, as the configured account (or without keys).
import { execute, parse, type ExecutionResult } from 'graphql';
import type { EndpointName } from '../../src/exchange/endpoints.ts';
import { CachedExchange } from '../../src/exchange/cache.ts';
import { answerKind, ExchangeError } from '../../src/exchange/errors.ts';
import { createContext } from '../../src/schema/context.ts';
import { schema } from '../../src/schema/index.ts';
import { FakeUpstream, marketHandlers, type FakeHandler } from './fakeUpstream.ts';

export interface Harness {
  readonly upstream: FakeUpstream;
  /** Executes one operation; a fresh context (and fresh loaders) per call, as per HTTP request. */
  run(source: string, variables?: Record<string, unknown>): Promise<ExecutionResult<any>>;
  /** Calls made to one endpoint, with their parameters. */
  paramsOf(name: EndpointName): Record<string, unknown>[];
}

export function harness(
  handlers: Partial<Record<EndpointName, FakeHandler>> = {},
  options: { keys?: boolean } = {},
): Harness {
  const upstream = new FakeUpstream({ ...marketHandlers(), ...handlers });
  const exchange = new CachedExchange(upstream);
  const account = options.keys === false ? null : { apiKey: 'iojj3XQJ8ZX9UtstPLpdcspnCb8dlBIb83SIAbQPb1w=' };
  return {
    upstream,
    run: async (source, variables) =>
      (await execute({
        schema,
        document: parse(source),
        variableValues: variables ?? null,
        contextValue: createContext({ exchange, account }),
      })) as ExecutionResult<any>,
    paramsOf: (name) => upstream.calls.filter((call) => call.name === name).map((call) => call.params),
  };
}

/** An error as the REST client raises it for an exchange error body. */
export function exchangeError(endpoint: string, status: number, code: string | null, message: string): ExchangeError {
  return new ExchangeError({ kind: answerKind(status, code, message), endpoint, status, code, message });
}

/** Wire fixtures of the private endpoints. */
export const wire = {
  openOrder: (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    clientId: null,
    symbol: 'SOL_USDC',
    side: 'Bid',
    orderType: 'Limit',
    price: '100.25',
    quantity: '1.5',
    executedQuantity: '0',
    executedQuoteQuantity: '0',
    status: 'New',
    timeInForce: 'GTC',
    selfTradePrevention: 'RejectTaker',
    postOnly: false,
    reduceOnly: null,
    createdAt: 1788285244094,
    relatedOrderId: null,
    strategyId: null,
    triggerBy: null,
    triggerPrice: null,
    triggerQuantity: null,
    triggeredAt: null,
    ...extra,
  }),
  fill: (orderId: string, extra: Record<string, unknown> = {}) => ({
    tradeId: 2888471,
    orderId,
    clientId: null,
    symbol: 'SOL_USDC',
    side: 'Bid',
    price: '100.25',
    quantity: '0.5',
    fee: '0.0005',
    feeSymbol: 'SOL',
    isMaker: false,
    systemOrderType: null,
    timestamp: '2026-09-01T17:39:00.092',
    ...extra,
  }),
  position: (symbol: string, extra: Record<string, unknown> = {}) => ({
    symbol,
    positionId: '5411399049',
    userId: 1,
    netQuantity: '-0.5',
    netCost: '-50.1',
    entryPrice: '100.2',
    breakEvenPrice: '100.1',
    markPrice: '100.69',
    estLiquidationPrice: '180.5',
    netExposureQuantity: '0.5',
    netExposureNotional: '50.345',
    pnlRealized: '0',
    pnlUnrealized: '-0.245',
    cumulativeFundingPayment: '0.001',
    imf: '0.02',
    mmf: '0.0125',
    imfFunction: { type: 'sqrt', base: '0.02', factor: '0.0001' },
    mmfFunction: { type: 'sqrt', base: '0.0125', factor: '0.00006' },
    cumulativeInterest: null,
    ...extra,
  }),
};
