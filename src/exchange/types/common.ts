// Scalar aliases shared by the wire types: decimals and timestamps keep their wire encodings.

/** A decimal encoded as a JSON string (`"0.0001"`); never parse into a float. */
export type Decimal = string;
/** A timestamp string without zone, UTC (`"2025-07-27T17:39:00.092"`). */
export type NaiveDateTime = string;
/** An RFC 3339 / ISO date-time string with zone. */
export type DateTimeString = string;
/** Integer epoch milliseconds. */
export type EpochMillis = number;
/** Integer epoch microseconds (engine time). */
export type EpochMicros = number;
/** Integer epoch seconds (kline query bounds). */
export type EpochSeconds = number;
/** An asset symbol (`SOL`, `AAPL.US`, `kPEPE`); open-ended, never validated against a fixed list. */
export type AssetSymbol = string;
/** A market symbol (`SOL_USDC`, `SOL_USDC_PERP`). */
export type MarketSymbol = string;

/** Parameters of an endpoint that takes none. */
export type NoParams = Record<string, never>;
/** Success with an empty body (order cancels, some settings): clients must not JSON-parse it. */
export type EmptyResponse = void;
/** A response whose shape no source documents (weakly sourced or removed endpoints). */
export type UndocumentedResponse = unknown;

/** limit/offset query parameters of paginated endpoints. */
export interface PageParams {
  limit?: number;
  offset?: number;
}
