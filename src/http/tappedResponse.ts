// The gateway's node:http responses, with two optional per-request taps as fields instead of methods patched onto each
// response: the response cache copies what is written, compression encodes it. Patching `writeHead`/`write`/`end` per
// response (closures as own properties) had every uncached response's objects outlive two young-generation
// collections and be promoted: ~7 MB/s at 1000 uncached queries/s, scavenges twice as long (bench B2 with TTL 0).
import { ServerResponse, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';

/** Sees each chunk as it is written (before any encoding) and returns what to write on. */
export type ChunkTap = (chunk: unknown, encoding: unknown) => unknown;

/** Takes over a response's body once `decide` (called with the status before the head goes out) chose to encode it. */
export interface ResponseEncoder {
  decide(status: number): void;
  /** Whether this encoder now writes the body itself (compressing); false: the response writes it as usual. */
  readonly active: boolean;
  write(chunk: unknown): boolean;
  end(chunk: unknown): void;
}

/** The taps a response carries: set for one request by the layer that needs them, unset otherwise. */
export interface ResponseTaps {
  capture: ChunkTap | undefined;
  encoder: ResponseEncoder | undefined;
}

type Method<R> = (this: ServerResponse, ...args: unknown[]) => R;

/** node's own methods, which write past the taps (an encoder's compressed output goes out through these). */
export const baseResponse = {
  writeHead: ServerResponse.prototype.writeHead as Method<ServerResponse>,
  write: ServerResponse.prototype.write as Method<boolean>,
  end: ServerResponse.prototype.end as Method<ServerResponse>,
};

type Tapped = ServerResponse & ResponseTaps;

/**
 * With a tap set, headers passed to `writeHead(status, [message], headers)` are applied to the response first, as node
 * applies them once any header was set, so `getHeaders()` (the cache's copy, compression's content-type check) sees
 * them: yoga's node adapter sends its headers that way. An object sets each header; node's flat array
 * (`[name, value, …]`) replaces those names and keeps duplicates. Anything else goes to node as it came.
 */
function writeHead(this: Tapped, status: unknown, ...rest: unknown[]): ServerResponse {
  if (this.capture === undefined && this.encoder === undefined)
    return baseResponse.writeHead.call(this, status, ...rest);
  const headers = rest.find((arg) => typeof arg === 'object' && arg !== null);
  const flat = Array.isArray(headers) && headers.length % 2 === 0 && !headers.some((item) => typeof item === 'object');
  if (flat) {
    for (let i = 0; i < headers.length; i += 2) this.removeHeader(String(headers[i]));
    for (let i = 0; i < headers.length; i += 2) this.appendHeader(String(headers[i]), String(headers[i + 1]));
  } else if (headers !== undefined && !Array.isArray(headers)) {
    for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) {
      if (value !== undefined) this.setHeader(name, value);
    }
  }
  this.encoder?.decide(status as number);
  if (Array.isArray(headers) && !flat) return baseResponse.writeHead.call(this, status, ...rest);
  return baseResponse.writeHead.call(this, status, typeof rest[0] === 'string' ? rest[0] : undefined);
}

function isChunk(chunk: unknown): boolean {
  return chunk !== null && chunk !== undefined && typeof chunk !== 'function';
}

function write(this: Tapped, chunk: unknown, ...rest: unknown[]): boolean {
  const written = this.capture === undefined ? chunk : this.capture(chunk, rest[0]);
  const encoder = this.encoder;
  if (encoder === undefined) return baseResponse.write.call(this, written, ...rest);
  encoder.decide(this.statusCode);
  if (!encoder.active) return baseResponse.write.call(this, written, ...rest);
  if (isChunk(written)) encoder.write(written);
  // The encoder buffers; the socket's own backpressure applies to what it emits.
  return true;
}

function end(this: Tapped, chunk?: unknown, ...rest: unknown[]): ServerResponse {
  const written = this.capture === undefined ? chunk : this.capture(chunk, rest[0]);
  const encoder = this.encoder;
  if (encoder === undefined) return baseResponse.end.call(this, written, ...rest);
  encoder.decide(this.statusCode);
  if (!encoder.active) return baseResponse.end.call(this, written, ...rest);
  encoder.end(isChunk(written) ? written : undefined);
  return this;
}

/** Pass as `createServer({ ServerResponse: TappedResponse }, listener)`: every response then carries the taps. */
export class TappedResponse<Request extends IncomingMessage = IncomingMessage>
  extends ServerResponse<Request>
  implements ResponseTaps
{
  capture: ChunkTap | undefined = undefined;
  encoder: ResponseEncoder | undefined = undefined;
}
Object.assign(TappedResponse.prototype, { writeHead, write, end });

/**
 * The taps of `res`: itself when its server made TappedResponses; otherwise (a listener mounted on a plain node:http
 * server) the same methods are set on this one response, so the layers work the same, only without the saving.
 */
export function responseTaps(res: ServerResponse): ResponseTaps {
  if (res instanceof TappedResponse) return res;
  const taps = res as Partial<ResponseTaps> & ServerResponse;
  if (!Object.hasOwn(taps, 'capture')) {
    Object.assign(taps, { capture: undefined, encoder: undefined, writeHead, write, end });
  }
  return taps as Tapped;
}
