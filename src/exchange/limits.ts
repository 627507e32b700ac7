// Limits the exchange enforces on request sizes, checked by the gateway before any call and by the sandbox.

/** Orders in one `POST /api/v1/orders` batch (bbgo's Backpack client documents and enforces 50). */
export const MAX_BATCH_ORDERS = 50;

/** `limit` of every paginated list endpoint unless listed below (the spec's documented maximum). */
export const MAX_PAGE_LIMIT = 1000;

/** `limit` of `GET /api/v1/fundingRates` (the spec documents 10000 for this endpoint only). */
export const MAX_FUNDING_RATES_LIMIT = 10_000;
