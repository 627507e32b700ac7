// Groups a profile frame's script URL by where the code lives, for the profile and allocation summaries.

/** `graphql-yoga`, `src/execution/responseCache.ts` (or its compiled `dist/src/…js`), `node:internal/...`, `(native / V8)`. */
export function sourceArea(url: string): string {
  if (url === '') return '(native / V8)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1] ?? url;
  const own = /\/(src|bench)\/(.*)$/.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  return url.startsWith('node:') ? url.replace(/^node:internal\/([^/]+).*/, 'node:$1') : url;
}
