import { describe, expect, it } from 'vitest';
import { answerKind, ExchangeError, type ExchangeErrorInit } from '../../src/exchange/errors.ts';
import {
  ExchangeRejected,
  ExchangeUnavailable,
  fromExchangeError,
  InsufficientFunds,
  InvalidInput,
  InvalidOrder,
  OrderNotFound,
  OutcomeUnknown,
  RateLimited,
  RequestNotApplied,
  toGraphQLError,
  Unauthenticated,
  withUserErrors,
} from '../../src/schema/errors.ts';

const order = (init: Partial<ExchangeErrorInit>) =>
  new ExchangeError({ kind: 'http', endpoint: 'POST /api/v1/order', message: 'x', ...init });

describe('ExchangeError → user-facing failure', () => {
  it('maps by kind, code and status', () => {
    expect(fromExchangeError(order({ status: 400, code: 'INSUFFICIENT_FUNDS' }))).toBeInstanceOf(InsufficientFunds);
    expect(fromExchangeError(order({ status: 400, code: 'INSUFFICIENT_MARGIN' }))).toBeInstanceOf(InsufficientFunds);
    expect(fromExchangeError(order({ kind: 'rateLimited', status: 429, code: 'TOO_MANY_REQUESTS' }))).toBeInstanceOf(
      RateLimited,
    );
    expect(fromExchangeError(order({ kind: 'timeout' }))).toBeInstanceOf(ExchangeUnavailable);
    expect(fromExchangeError(order({ kind: 'network' }))).toBeInstanceOf(ExchangeUnavailable);
    expect(fromExchangeError(order({ status: 503, code: 'MAINTENANCE' }))).toBeInstanceOf(ExchangeUnavailable);
    expect(fromExchangeError(order({ status: 401, code: 'UNAUTHORIZED' }))).toBeInstanceOf(Unauthenticated);
    expect(fromExchangeError(order({ status: 400, code: 'ORDER_LIMIT' }))).toBeInstanceOf(ExchangeRejected);
  });

  it('turns the REST client\'s "no API key configured" refusal into Unauthenticated', () => {
    const refused = new ExchangeError({
      kind: 'noKey',
      endpoint: 'GET /api/v1/account',
      message: 'no API key configured: set BACKPACK_API_SECRET (or BACKPACK_API_SECRET_FILE) to call signed endpoints',
    });
    expect(fromExchangeError(refused)).toBeInstanceOf(Unauthenticated);
    expect(toGraphQLError(refused)?.extensions['code']).toBe('UNAUTHENTICATED');
  });

  it('recognises a missing order on cancel, whatever code the exchange uses', () => {
    const cancel = {
      endpoint: 'DELETE /api/v1/order',
      status: 400,
      code: 'INVALID_CLIENT_REQUEST',
      message: 'Order not found',
    };
    expect(fromExchangeError(order({ ...cancel, kind: answerKind(400, cancel.code, cancel.message) }))).toBeInstanceOf(
      OrderNotFound,
    );
    expect(
      fromExchangeError(order({ endpoint: 'GET /api/v1/order', status: 404, code: 'RESOURCE_NOT_FOUND' })),
    ).toBeInstanceOf(OrderNotFound);
  });

  it('says whether a write took effect: not sent, not applied, or unknown', () => {
    const notSent = fromExchangeError(order({ kind: 'notSent', message: 'network error: ECONNREFUSED' }));
    expect(notSent).toBeInstanceOf(ExchangeUnavailable);
    expect(notSent.safeToRetry).toBe(true);
    expect(notSent.message).toContain('not sent');
    const clock = fromExchangeError(order({ kind: 'clockRejected', status: 400, message: 'Request has expired' }));
    expect(clock).toBeInstanceOf(RequestNotApplied);
    expect(clock.safeToRetry).toBe(true);
    const unknown = fromExchangeError(order({ kind: 'outcomeUnknown', status: 502 }));
    expect(unknown).toBeInstanceOf(OutcomeUnknown);
    expect(unknown.safeToRetry).toBe(false);
    expect(fromExchangeError(order({ kind: 'sessionOnly' }))).toBeInstanceOf(ExchangeRejected);
    expect(fromExchangeError(order({ kind: 'notFound', endpoint: 'GET /api/v1/order' }))).toBeInstanceOf(OrderNotFound);
  });

  it('names the offending order field', () => {
    const price = fromExchangeError(
      order({ status: 400, code: 'INVALID_CLIENT_REQUEST', message: 'Price decimal too long' }),
    );
    expect(price).toBeInstanceOf(InvalidOrder);
    expect((price as InvalidOrder).field).toBe('price');
    const trigger = fromExchangeError(
      order({
        status: 400,
        code: 'INVALID_CLIENT_REQUEST',
        message: 'Must specify both `triggerPrice` and `triggerQuantity` or neither',
      }),
    );
    expect((trigger as InvalidOrder).field).toBe('triggerQuantity');
    expect((fromExchangeError(order({ status: 400, code: 'INVALID_QUANTITY' })) as InvalidOrder).field).toBe(
      'quantity',
    );
  });

  it('treats validation failures outside orders as InvalidInput', () => {
    const depth = new ExchangeError({
      kind: 'http',
      endpoint: 'GET /api/v1/depth',
      status: 400,
      code: 'INVALID_CLIENT_REQUEST',
      message: 'Invalid market symbol',
    });
    expect(fromExchangeError(depth)).toBeInstanceOf(InvalidInput);
    const plainText = new ExchangeError({
      kind: 'http',
      endpoint: 'GET /api/v1/depth',
      status: 400,
      message: 'failed to parse parameter `limit`',
    });
    expect(fromExchangeError(plainText)).toBeInstanceOf(InvalidInput);
  });

  it('rethrows mapped failures from mutations and leaves bugs alone', async () => {
    await expect(
      withUserErrors(() => Promise.reject(order({ status: 400, code: 'INSUFFICIENT_FUNDS' }))),
    ).rejects.toBeInstanceOf(InsufficientFunds);
    const bug = new TypeError('oops');
    await expect(withUserErrors(() => Promise.reject(bug))).rejects.toBe(bug);
  });
});

describe('query errors', () => {
  it('carry a stable code, the exchange code, HTTP status and endpoint, and nothing else', () => {
    const error = toGraphQLError(
      order({ kind: 'rateLimited', status: 429, code: 'TOO_MANY_REQUESTS', message: 'Too many requests' }),
    );
    expect(error?.message).toBe('Too many requests');
    expect(error?.extensions).toEqual({
      code: 'RATE_LIMITED',
      exchangeCode: 'TOO_MANY_REQUESTS',
      httpStatus: 429,
      endpoint: 'POST /api/v1/order',
    });
    expect(toGraphQLError(new Unauthenticated('no keys'))?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(toGraphQLError(order({ status: 400, code: 'INVALID_SYMBOL' }))?.extensions['code']).toBe('BAD_USER_INPUT');
    expect(toGraphQLError(order({ status: 500, code: 'SERVER_ERROR' }))?.extensions['code']).toBe(
      'EXCHANGE_UNAVAILABLE',
    );
    expect(toGraphQLError(order({ status: 400, code: 'ORDER_LIMIT' }))?.extensions['code']).toBe('EXCHANGE_ERROR');
    expect(toGraphQLError(new Error('internal detail'))).toBeNull();
  });
});
