// Failures a client can act on: typed union members on mutations, GraphQLErrors with stable codes on queries.
//
// How to use:
//   Mutations (union results through the Pothos errors plugin):
//     builder.mutationField('cancelOrder', (t) => t.field({
//       type: Order, errors: mutationErrors('The cancelled order.'),   // = { types: MUTATION_ERRORS, dataField }
//       resolve: (_, args, ctx) => withUserErrors(() => ctx.exchange.call('cancelOrder', {...})),
//     }));
//   `withUserErrors` turns an ExchangeError into the matching class below (InsufficientFunds, OrderNotFound …);
//   throw `new InvalidOrder(message, { field: 'price' })` yourself for gateway-side validation.
//   Queries: just let errors propagate. The server's error masking (`toGraphQLError`) turns these classes and
//   ExchangeErrors into GraphQLErrors with `extensions.code` UNAUTHENTICATED | EXCHANGE_ERROR | RATE_LIMITED |
//   EXCHANGE_UNAVAILABLE | EXCHANGE_TIMEOUT | BAD_USER_INPUT (+ exchangeCode, httpStatus, endpoint); anything else
//   is masked.
//   Private fields: call `requireAccount(ctx)` (./context.ts); it throws `Unauthenticated` when no keys are set.
import { GraphQLError } from 'graphql';
import { ExchangeError } from '../exchange/errors.ts';
import { builder } from './builder.ts';

export type QueryErrorCode =
  | 'UNAUTHENTICATED'
  | 'EXCHANGE_ERROR'
  | 'RATE_LIMITED'
  | 'EXCHANGE_UNAVAILABLE'
  | 'EXCHANGE_TIMEOUT'
  | 'BAD_USER_INPUT';

interface UserErrorInit {
  /** The exchange's error code (`INSUFFICIENT_FUNDS` …) when the exchange produced the failure. */
  readonly code?: string | null;
  /** `METHOD /path` of the exchange call that failed. */
  readonly endpoint?: string | null;
  /** The HTTP status of the exchange's answer, when it answered. */
  readonly status?: number | null;
}

/** Base of every failure a client can act on. `queryCode` is what the same failure looks like on a query. */
export abstract class UserError extends Error {
  abstract readonly queryCode: QueryErrorCode;
  /** Nothing changed at the exchange and sending the same request again may succeed. */
  readonly safeToRetry: boolean = false;
  readonly code: string | null;
  readonly endpoint: string | null;
  readonly status: number | null;
  constructor(message: string, init: UserErrorInit = {}) {
    super(message);
    this.code = init.code ?? null;
    this.endpoint = init.endpoint ?? null;
    this.status = init.status ?? null;
  }
}

export class InvalidOrder extends UserError {
  override readonly name = 'InvalidOrder';
  readonly queryCode = 'BAD_USER_INPUT';
  /** The offending input field (`price`, `quantity` …) when known. */
  readonly field: string | null;
  constructor(message: string, init: UserErrorInit & { field?: string | null } = {}) {
    super(message, init);
    this.field = init.field ?? null;
  }
}

export class InvalidInput extends UserError {
  override readonly name = 'InvalidInput';
  readonly queryCode = 'BAD_USER_INPUT';
  readonly field: string | null;
  constructor(message: string, init: UserErrorInit & { field?: string | null } = {}) {
    super(message, init);
    this.field = init.field ?? null;
  }
}

export class InsufficientFunds extends UserError {
  override readonly name = 'InsufficientFunds';
  readonly queryCode = 'EXCHANGE_ERROR';
}

export class OrderNotFound extends UserError {
  override readonly name = 'OrderNotFound';
  readonly queryCode = 'EXCHANGE_ERROR';
}

export class RateLimited extends UserError {
  override readonly name = 'RateLimited';
  readonly queryCode = 'RATE_LIMITED';
  override readonly safeToRetry = true;
  /** Seconds to wait before retrying, when known (Backpack sends no Retry-After; the gateway's limiter may). */
  readonly retryAfter: number | null;
  constructor(message: string, init: UserErrorInit & { retryAfter?: number | null } = {}) {
    super(message, init);
    this.retryAfter = init.retryAfter ?? null;
  }
}

/** Nothing reached the exchange (connection refused, a read that kept failing): nothing changed. */
export class ExchangeUnavailable extends UserError {
  override readonly name: string = 'ExchangeUnavailable';
  readonly queryCode: QueryErrorCode = 'EXCHANGE_UNAVAILABLE';
  override readonly safeToRetry = true;
}

/** No answer in time to a read (per attempt or before the request deadline): nothing changed, a retry may succeed. */
export class ExchangeTimeout extends ExchangeUnavailable {
  override readonly name = 'ExchangeTimeout';
  override readonly queryCode = 'EXCHANGE_TIMEOUT';
}

/** The exchange saw the request and did not act on it (a refused timestamp, or a look-up found nothing). */
export class RequestNotApplied extends UserError {
  override readonly name = 'RequestNotApplied';
  readonly queryCode = 'EXCHANGE_UNAVAILABLE';
  override readonly safeToRetry = true;
}

/** A write was sent, its answer was lost and a look-up could not settle whether it took effect. */
export class OutcomeUnknown extends UserError {
  override readonly name = 'OutcomeUnknown';
  readonly queryCode = 'EXCHANGE_UNAVAILABLE';
}

/** An order was sent, its answer was lost and a look-up by client id could not settle whether it was placed. */
export class OrderOutcomeUnknown extends UserError {
  override readonly name = 'OrderOutcomeUnknown';
  readonly queryCode = 'EXCHANGE_UNAVAILABLE';
  readonly clientId: string;
  readonly symbol: string;
  constructor(message: string, init: UserErrorInit & { clientId: number; symbol: string }) {
    super(message, init);
    this.clientId = String(init.clientId);
    this.symbol = init.symbol;
  }
}

export class Unauthenticated extends UserError {
  override readonly name = 'Unauthenticated';
  readonly queryCode = 'UNAUTHENTICATED';
}

export class ExchangeRejected extends UserError {
  override readonly name = 'ExchangeRejected';
  readonly queryCode = 'EXCHANGE_ERROR';
}

/** The error classes every exchange-calling mutation lists: `errors: { types: MUTATION_ERRORS }`. */
export const MUTATION_ERRORS = [
  InvalidOrder,
  InvalidInput,
  InsufficientFunds,
  OrderNotFound,
  RateLimited,
  ExchangeUnavailable,
  RequestNotApplied,
  OutcomeUnknown,
  Unauthenticated,
  ExchangeRejected,
] as const;

const UNAVAILABLE_CODES = new Set(['MAINTENANCE', 'SERVER_ERROR', 'TIMEOUT']);
const FUNDS_CODES = new Set(['INSUFFICIENT_FUNDS', 'INSUFFICIENT_MARGIN']);
const AUTH_CODES = new Set(['UNAUTHORIZED', 'INVALID_SIGNATURE']);
const ORDER_ENDPOINTS = new Set([
  'GET /api/v1/order',
  'POST /api/v1/order',
  'DELETE /api/v1/order',
  'GET /api/v1/orders',
  'POST /api/v1/orders',
  'DELETE /api/v1/orders',
]);

/** Maps an ExchangeError to the failure a client can act on: by kind, then exchange code, then status. */
export function fromExchangeError(error: ExchangeError): UserError {
  const init = { code: error.code, endpoint: error.endpoint, status: error.status ?? null };
  const { code, message } = error;
  const status = error.status ?? 0;
  const isOrderCall = ORDER_ENDPOINTS.has(error.endpoint);
  const invalid = (): UserError =>
    isOrderCall
      ? new InvalidOrder(message, { ...init, field: error.field })
      : new InvalidInput(message, { ...init, field: error.field });

  switch (error.kind) {
    case 'rateLimited':
      // Whole seconds, rounded up: retrying on the dot must not arrive early (the limiter's wait, or Retry-After).
      return new RateLimited(message, {
        ...init,
        ...(error.retryAfterMs !== undefined ? { retryAfter: Math.ceil(error.retryAfterMs / 1000) } : {}),
      });
    case 'notSent':
      return new ExchangeUnavailable(`${message}; the request was not sent, nothing changed`, init);
    case 'timeout':
      return new ExchangeTimeout(message, init);
    case 'network':
    case 'unreadable':
      return new ExchangeUnavailable(message, init);
    case 'outcomeUnknown':
      return new OutcomeUnknown(message, init);
    case 'clockRejected':
      return new RequestNotApplied(message, init);
    case 'noKey':
      return new Unauthenticated(
        'This needs the gateway to be configured with Backpack API keys (BACKPACK_API_SECRET); none are set.',
        init,
      );
    case 'sessionOnly':
    case 'unconfirmedRefused':
      return new ExchangeRejected(message, init);
    case 'invalidRequest':
      return invalid();
    case 'notFound':
      return isOrderCall ? new OrderNotFound(message, init) : new ExchangeRejected(message, init);
    case 'http':
      break;
  }
  if (status === 429 || code === 'TOO_MANY_REQUESTS') return new RateLimited(message, init);
  if (status >= 500 || (code && UNAVAILABLE_CODES.has(code))) return new ExchangeUnavailable(message, init);
  if (status === 401 || (code && AUTH_CODES.has(code))) return new Unauthenticated(message, init);
  if (code && FUNDS_CODES.has(code)) return new InsufficientFunds(message, init);
  if (isOrderCall && (status === 404 || code === 'RESOURCE_NOT_FOUND')) return new OrderNotFound(message, init);
  const isValidation =
    code === null ? status === 400 : code === 'INVALID_CLIENT_REQUEST' || code.startsWith('INVALID_');
  return isValidation ? invalid() : new ExchangeRejected(message, init);
}

/** The user-facing failure behind any thrown value, or null for bugs (which stay masked). */
export function toUserError(error: unknown): UserError | null {
  if (error instanceof UserError) return error;
  if (error instanceof ExchangeError) return fromExchangeError(error);
  return null;
}

/** Runs an exchange call and rethrows its ExchangeError as the typed failure a mutation's union can return. */
export async function withUserErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toUserError(error) ?? error;
  }
}

/** The GraphQLError a query returns for a user-facing failure; null when the error must be masked. */
export function toGraphQLError(error: unknown): GraphQLError | null {
  const userError = toUserError(error);
  if (!userError) return null;
  const extensions: Record<string, unknown> = { code: userError.queryCode };
  if (userError.code) extensions.exchangeCode = userError.code;
  if (userError.status !== null) extensions.httpStatus = userError.status;
  if (userError.endpoint) extensions.endpoint = userError.endpoint;
  if (userError instanceof RateLimited && userError.retryAfter !== null) extensions.retryAfter = userError.retryAfter;
  if ((userError instanceof InvalidOrder || userError instanceof InvalidInput) && userError.field) {
    extensions.field = userError.field;
  }
  return new GraphQLError(userError.message, { extensions });
}

/** A BAD_USER_INPUT error for query arguments the gateway rejects before calling the exchange. */
export function badUserInput(message: string, field?: string): InvalidInput {
  return new InvalidInput(message, { field: field ?? null });
}

// --- GraphQL types ---------------------------------------------------------------------------------------------

const MutationError = builder.interfaceRef<UserError>('MutationError').implement({
  description: 'A failure the client can act on. Query `message` and `code` on any member; refine with fragments.',
  fields: (t) => ({
    message: t.exposeString('message', {
      description: "Human-readable explanation (the exchange's own text when it came from the exchange).",
    }),
    code: t.exposeString('code', {
      nullable: true,
      description:
        'The exchange error code (`INSUFFICIENT_FUNDS`, `INVALID_CLIENT_REQUEST` …); null for gateway-side failures.',
    }),
    safeToRetry: t.exposeBoolean('safeToRetry', {
      description:
        'True when nothing changed at the exchange and sending the same request again may succeed (RateLimited, ' +
        'ExchangeUnavailable, RequestNotApplied). False otherwise: in particular never resend after OutcomeUnknown ' +
        'or OrderOutcomeUnknown without looking the request up first.',
    }),
  }),
});

const described = (description: string) => ({ description, interfaces: [MutationError] });

builder.objectType(InvalidOrder, {
  name: 'InvalidOrder',
  ...described("The order was rejected as invalid (by the gateway's checks or by the exchange)."),
  fields: (t) => ({
    field: t.exposeString('field', {
      nullable: true,
      description: 'The offending input field (`price`, `quantity` …) when known.',
    }),
  }),
});
builder.objectType(InvalidInput, {
  name: 'InvalidInput',
  ...described('An argument was rejected as invalid (unknown symbol, bad range …).'),
  fields: (t) => ({
    field: t.exposeString('field', { nullable: true, description: 'The offending argument when known.' }),
  }),
});
builder.objectType(InsufficientFunds, {
  name: 'InsufficientFunds',
  ...described('Not enough available balance or margin for the request.'),
});
builder.objectType(OrderNotFound, {
  name: 'OrderNotFound',
  ...described('No open order matches the given id (it may have filled or been cancelled).'),
});
builder.objectType(RateLimited, {
  name: 'RateLimited',
  ...described('Too many requests: wait and retry.'),
  fields: (t) => ({
    retryAfter: t.exposeInt('retryAfter', {
      nullable: true,
      description: 'Seconds to wait before retrying, when known.',
    }),
  }),
});
builder.objectType(ExchangeUnavailable, {
  name: 'ExchangeUnavailable',
  ...described(
    'The exchange could not be reached or said it is unavailable before acting on anything: the request was not ' +
      'carried out and nothing changed. Safe to retry later.',
  ),
});
builder.objectType(RequestNotApplied, {
  name: 'RequestNotApplied',
  ...described(
    'The exchange did not act on the request: it refused the signed timestamp even after a clock resync, or its ' +
      'answer was lost and a look-up after the request expired found nothing. Nothing changed; safe to retry.',
  ),
});
builder.objectType(OutcomeUnknown, {
  name: 'OutcomeUnknown',
  ...described(
    'The request reached the exchange but its answer was lost (timeout, reset, 5xx) and the gateway could not ' +
      'confirm whether it took effect. Look it up (history, balances) before doing anything; never resubmit blindly.',
  ),
});
builder.objectType(OrderOutcomeUnknown, {
  name: 'OrderOutcomeUnknown',
  ...described(
    'The order reached the exchange but its answer was lost, and looking it up by clientId (open orders, then ' +
      'order history) within the time allowed could not tell whether it was placed. Look the order up by ' +
      '`clientId` (openOrders, orderHistory) before doing anything; never resubmit blindly.',
  ),
  fields: (t) => ({
    clientId: t.exposeID('clientId', { description: 'The client id the order was sent with.' }),
    symbol: t.exposeString('symbol', { description: 'Market of the order.' }),
  }),
});
builder.objectType(Unauthenticated, {
  name: 'Unauthenticated',
  ...described('No API keys are configured for the gateway, or the exchange rejected them.'),
});
builder.objectType(ExchangeRejected, {
  name: 'ExchangeRejected',
  ...described('The exchange refused the request for another reason; see `code`.'),
});
