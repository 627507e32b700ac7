// Handlers for reference listings: prediction events/tags, securities, market sessions/holidays, and 2FA tokens.
import { SandboxError } from '../engine/errors.ts';
import type { HandlerRequest, HandlerTable } from '../http/handler.ts';
import { MARKET_HOLIDAYS, MARKET_SESSIONS, SECURITIES } from '../products/listings.ts';
import { accountOf, optionalBoolean, optionalInteger, optionalString } from './productsParams.ts';

/** limit/offset slicing for the prediction lists (no pagination headers are documented for them). */
function page<T>(request: HandlerRequest, rows: readonly T[]): T[] {
  const limit = optionalInteger(request.params, 'limit') ?? 100;
  const offset = optionalInteger(request.params, 'offset') ?? 0;
  if (limit < 1 || limit > 1000 || offset < 0)
    throw new SandboxError(400, 'INVALID_CLIENT_REQUEST', 'Invalid limit or offset');
  return rows.slice(offset, offset + limit);
}

export const listingHandlers = {
  getPredictionEvents: (request, services) => {
    const { params } = request;
    const filter = {
      symbol: optionalString(params, 'symbol'),
      tagSlug: optionalString(params, 'tagSlug'),
      eventSlug: optionalString(params, 'eventSlug'),
      seriesSlug: optionalString(params, 'seriesSlug'),
      resolved: optionalBoolean(params, 'resolved'),
    };
    return page(request, services.products.prediction.events(filter));
  },
  getPredictionTags: (request, services) => page(request, services.products.prediction.tags()),
  getSecurities: () => SECURITIES,
  getMarketSessions: () => MARKET_SESSIONS,
  getMarketHolidays: () => MARKET_HOLIDAYS,
  issueTwoFactorToken: (request, services) =>
    services.products.twoFactor.issue(
      accountOf(request),
      optionalString(request.params, 'app'),
      optionalString(request.params, 'email'),
    ),
} satisfies Partial<HandlerTable>;
