// gzip / brotli on node:http for responses of ~1 KB and more when the client asks (Accept-Encoding). Wraps the whole
// listener, so yoga's answers, GraphiQL's files and the response cache's replays are all covered; streams are not.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { constants, createBrotliCompress, createGzip, type BrotliCompress, type Gzip } from 'node:zlib';
import { baseResponse, responseTaps, type ResponseEncoder } from './tappedResponse.ts';

/** Smaller bodies are sent as they are: compressing them saves less than its own overhead. */
const MIN_COMPRESSED_BYTES = 1_024;

type Encoding = 'br' | 'gzip';

/** The client's preferred encoding we support (q=0 refuses one), brotli first on a tie. */
export function preferredEncoding(header: string | undefined): Encoding | null {
  if (header === undefined) return null;
  let best: { encoding: Encoding; q: number } | null = null;
  for (const part of header.split(',')) {
    const [rawName = '', ...params] = part.trim().toLowerCase().split(';');
    const name = rawName.trim();
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!(q > 0)) continue;
    const encoding: Encoding | null = name === 'br' ? 'br' : name === 'gzip' || name === '*' ? 'gzip' : null;
    if (encoding === null) continue;
    if (best === null || q > best.q || (q === best.q && encoding === 'br')) best = { encoding, q };
  }
  return best?.encoding ?? null;
}

// Event streams and incremental delivery must reach the client part by part; images are compressed already.
const COMPRESSIBLE = /^(?:application\/(?:graphql-response\+)?json|text\/(?:html|css|javascript|plain)|image\/x-icon)/;

function worthCompressing(res: ServerResponse, status: number): boolean {
  if (status < 200 || status === 204 || status === 304) return false;
  if (res.getHeader('content-encoding') !== undefined) return false;
  if (!COMPRESSIBLE.test(String(res.getHeader('content-type') ?? ''))) return false;
  const length = res.getHeader('content-length');
  return length === undefined || Number(length) >= MIN_COMPRESSED_BYTES;
}

function compressor(encoding: Encoding): Gzip | BrotliCompress {
  // Brotli's default quality (11) costs far more CPU than it saves on JSON; 5 is the usual on-the-fly setting.
  return encoding === 'br'
    ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : createGzip({ level: 6 });
}

/** One response's compression, decided from its status and headers when the head goes out. */
class ResponseCompression implements ResponseEncoder {
  private stream: Gzip | BrotliCompress | null | undefined;

  constructor(
    private readonly res: ServerResponse,
    private readonly encoding: Encoding,
  ) {}

  get active(): boolean {
    return this.stream !== null && this.stream !== undefined;
  }

  decide(status: number): void {
    if (this.stream !== undefined) return;
    this.stream = null;
    const res = this.res;
    if (!worthCompressing(res, status)) return;
    const compressing = compressor(this.encoding);
    this.stream = compressing;
    res.removeHeader('content-length');
    res.setHeader('Content-Encoding', this.encoding);
    // The compressed bytes go out past the taps.
    compressing.on('data', (chunk: Buffer) => baseResponse.write.call(res, chunk));
    compressing.once('end', () => baseResponse.end.call(res));
    res.once('close', () => compressing.destroy());
  }

  write(chunk: unknown): boolean {
    this.stream?.write(chunk);
    return true;
  }

  end(chunk: unknown): void {
    if (chunk === undefined) this.stream?.end();
    else this.stream?.end(chunk);
  }
}

export function withCompression(next: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const encoding = req.method === 'HEAD' ? null : preferredEncoding(req.headers['accept-encoding']);
    if (encoding === null) {
      next(req, res);
      return;
    }
    res.setHeader('Vary', 'Accept-Encoding');
    responseTaps(res).encoder = new ResponseCompression(res, encoding);
    next(req, res);
  };
}
