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
//   EXCHANGE_UNAVAILABLE | EXCHANGE_TIMEOUT | BAD_USER_INPUT (+ exchangeCode, endpoint); anything else is masked.
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
}

/** Base of every failure a client can act on. `queryCode` is what the same failure looks like on a query. */
export abstract class UserError extends Error {
  abstract readonly queryCode: QueryErrorCode;
  readonly code: string | null;
  readonly endpoint: string | null;
  constructor(message: string, init: UserErrorInit = {}) {
    super(message);
    this.code = init.code ?? null;
    this.endpoint = init.endpoint ?? null;
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
  /** Seconds to wait before retrying, when known (Backpack sends no Retry-After; the gateway's limiter may). */
  readonly retryAfter: number | null;
  constructor(message: string, init: UserErrorInit & { retryAfter?: number | null } = {}) {
    super(message, init);
    this.retryAfter = init.retryAfter ?? null;
  }
}

export class ExchangeUnavailable extends UserError {
  override readonly name: string = 'ExchangeUnavailable';
  readonly queryCode: QueryErrorCode = 'EXCHANGE_UNAVAILABLE';
}

/** No answer in time (per attempt or before the request deadline); on mutations it is an ExchangeUnavailable member. */
export class ExchangeTimeout extends ExchangeUnavailable {
  override readonly name = 'ExchangeTimeout';
  override readonly queryCode = 'EXCHANGE_TIMEOUT';
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
  Unauthenticated,
  ExchangeRejected,
] as const;

/** The `errors` option of an exchange-calling mutation: `errors: mutationErrors('The placed order.')`. */
export function mutationErrors(dataDescription: string) {
  return { types: [...MUTATION_ERRORS], dataField: { description: dataDescription } };
}

const ORDER_FIELDS = [
  'triggerQuantity',
  'triggerPrice',
  'quoteQuantity',
  'quantity',
  'price',
  'clientId',
  'timeInForce',
  'postOnly',
  'reduceOnly',
  'symbol',
  'side',
  'orderType',
] as const;

/** Names the order input field an exchange message talks about (`Price decimal too long` → `price`). */
function fieldFromMessage(message: string): string | null {
  const lower = message.toLowerCase();
  for (const field of ORDER_FIELDS) if (lower.includes(field.toLowerCase())) return field;
  return null;
}

function fieldFromCode(code: string | null): string | null {
  if (code === 'INVALID_PRICE') return 'price';
  if (code === 'INVALID_QUANTITY') return 'quantity';
  if (code === 'INVALID_SYMBOL' || code === 'INVALID_MARKET') return 'symbol';
  return null;
}

const UNAVAILABLE_CODES = new Set(['MAINTENANCE', 'SERVER_ERROR', 'TIMEOUT']);
const FUNDS_CODES = new Set(['INSUFFICIENT_FUNDS', 'INSUFFICIENT_MARGIN']);
const AUTH_CODES = new Set(['UNAUTHORIZED', 'INVALID_SIGNATURE']);

/** Maps an ExchangeError to the failure a client can act on (by kind, then code, then status). */
export function fromExchangeError(error: ExchangeError): UserError {
  const init = { code: error.code, endpoint: error.endpoint };
  const { code, message } = error;
  const status = error.status ?? 0;
  const isOrderCall = / \/api\/v1\/orders?$/.test(error.endpoint);

  if (error.kind === 'rateLimited' || status === 429 || code === 'TOO_MANY_REQUESTS') {
    return new RateLimited(message, init);
  }
  if (error.kind === 'timeout') return new ExchangeTimeout(message, init);
  if (error.kind === 'network' || status >= 500 || (code && UNAVAILABLE_CODES.has(code))) {
    return new ExchangeUnavailable(message, init);
  }
  // The REST client refuses signed calls without keys before sending; that is "configure keys", not bad input.
  if (error.kind === 'invalidRequest' && /no API key configured/i.test(message)) {
    return new Unauthenticated(
      'This needs the gateway to be configured with Backpack API keys (BACKPACK_API_SECRET); none are set.',
      init,
    );
  }
  if (error.kind === 'invalidRequest' && /web sessions/i.test(message)) return new ExchangeRejected(message, init);
  if (error.kind === 'invalidRequest') {
    return isOrderCall
      ? new InvalidOrder(message, { ...init, field: fieldFromMessage(message) })
      : new InvalidInput(message, { ...init, field: fieldFromMessage(message) });
  }
  if (status === 401 || (code && AUTH_CODES.has(code))) return new Unauthenticated(message, init);
  if (code && FUNDS_CODES.has(code)) return new InsufficientFunds(message, init);
  if (/order not found/i.test(message) || (isOrderCall && (status === 404 || code === 'RESOURCE_NOT_FOUND'))) {
    return new OrderNotFound(message, init);
  }
  const isValidation =
    code === null ? status === 400 : code === 'INVALID_CLIENT_REQUEST' || code.startsWith('INVALID_');
  if (isValidation) {
    const field = fieldFromCode(code) ?? fieldFromMessage(message);
    return isOrderCall ? new InvalidOrder(message, { ...init, field }) : new InvalidInput(message, { ...init, field });
  }
  return new ExchangeRejected(message, init);
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
  ...described('The exchange could not be reached, timed out or is under maintenance; retrying later may succeed.'),
});
builder.objectType(Unauthenticated, {
  name: 'Unauthenticated',
  ...described('No API keys are configured for the gateway, or the exchange rejected them.'),
});
builder.objectType(ExchangeRejected, {
  name: 'ExchangeRejected',
  ...described('The exchange refused the request for another reason; see `code`.'),
});
