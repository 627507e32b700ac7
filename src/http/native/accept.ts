// The media type yoga answers a single (non-incremental) result with, decided as yoga's result processors decide it:
// the native path takes a request only when yoga would use its regular JSON processor.

type Processor = 'sse' | 'multipart' | 'regular';

/** yoga's processors in the order it tries them for a query or mutation, with the media types each serves. */
const PROCESSORS: readonly (readonly [Processor, readonly string[]])[] = [
  ['sse', ['text/event-stream']],
  ['multipart', ['multipart/mixed']],
  ['regular', ['application/graphql-response+json', 'application/json']],
];

/** The Accept header's media types as yoga lists them: whitespace removed, lower-cased, non-utf-8 dropped, reversed. */
function requestedTypes(accept: string | undefined): string[] {
  const types: string[] = [];
  for (const entry of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [type = '', ...params] = entry.split(';');
    const charset = params.find((param) => param.includes('charset=')) ?? 'charset=utf-8';
    if (charset === 'charset=utf-8') types.push(type);
  }
  return types.reverse();
}

function matches(processorType: string, requested: string): boolean {
  const [pre, suf] = processorType.split('/');
  const [askedPre, askedSuf] = requested.split('/');
  return (askedPre === '*' || askedPre === pre) && (askedSuf === '*' || askedSuf === suf);
}

/**
 * `application/json` or `application/graphql-response+json` when yoga would serialize a single result as that, else
 * null (yoga streams it, or answers 406). yoga lets the last match win, over processors and then requested types.
 */
export function regularMediaType(accept: string | undefined): string | null {
  const key = accept ?? '';
  const known = decided.get(key);
  if (known !== undefined) return known;
  const decision = decide(accept);
  // Clients send a handful of distinct Accept headers; a flood of odd ones only costs the decision again.
  if (decided.size >= MAX_REMEMBERED) decided.clear();
  decided.set(key, decision);
  return decision;
}

const MAX_REMEMBERED = 64;
const decided = new Map<string, string | null>();

function decide(accept: string | undefined): string | null {
  let chosen: [Processor, string] | null = null;
  const requested = requestedTypes(accept);
  for (const [processor, types] of PROCESSORS) {
    for (const asked of requested) {
      for (const type of types) if (matches(type, asked)) chosen = [processor, type];
    }
  }
  return chosen !== null && chosen[0] === 'regular' ? chosen[1] : null;
}
