// The live trading dashboard (ui/, built to ui/dist/ by `npm run build:ui`): `/` and its assets under /dashboard/.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { readSetting, type Env } from '../config/settings.ts';
import { PROJECT_ROOT } from '../projectRoot.ts';

/** Where the build lands; ui/vite.config.ts builds here with the same asset prefix. */
export const DASHBOARD_DIST = resolve(PROJECT_ROOT, 'ui/dist');
const DASHBOARD_ASSETS = '/dashboard/';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// Everything from the gateway itself: a dashboard that tried to reach another host would fail loudly in the console.
const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // lightweight-charts and the depth bars set element styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * GATEWAY_DASHBOARD — serve the dashboard at `/`. Default: on whenever GraphiQL is on (both are for people with a
 * browser; production turns both off).
 */
export function dashboardEnabled(env: Env, graphiql: boolean): boolean {
  return readSetting(env, 'GATEWAY_DASHBOARD') ?? graphiql;
}

function send(res: ServerResponse, status: number, type: string, body: Buffer | string, cache: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': cache,
    'Content-Security-Policy': DASHBOARD_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  });
  res.end(body);
}

/** The file a GET asks for, or null when the path is not the dashboard's. */
function fileFor(pathname: string, dist: string): string | null {
  if (pathname === '/' || pathname === '/index.html') return resolve(dist, 'index.html');
  if (!pathname.startsWith(DASHBOARD_ASSETS)) return null;
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice(DASHBOARD_ASSETS.length));
  } catch {
    return null; // malformed percent-encoding: not one of our file names
  }
  const file = resolve(dist, name);
  // `..` in the path must not leave the build directory.
  return file.startsWith(dist + sep) ? file : null;
}

/** Answers GET/HEAD for `/` and /dashboard/* from `dist`; everything else goes to `next`. */
export function withDashboard(next: Handler, options: { enabled: boolean; dist?: string }): Handler {
  if (!options.enabled) return next;
  const dist = options.dist ?? DASHBOARD_DIST;
  return (req, res) => {
    // Only GET and HEAD are served; everything else (every GraphQL POST) skips the URL parse, a measurable share of a
    // memoized answer's CPU.
    const file =
      req.method === 'GET' || req.method === 'HEAD'
        ? fileFor(new URL(req.url ?? '/', 'http://gateway').pathname, dist)
        : null;
    if (file === null) {
      next(req, res);
      return;
    }
    const html = file.endsWith('.html');
    readFile(file).then(
      (body) => {
        // Asset names carry a content hash; the page itself must be re-read to pick up a new build.
        send(
          res,
          200,
          CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          body,
          html ? 'no-cache' : 'public, max-age=31536000, immutable',
        );
      },
      () => {
        if (html) {
          const hint = 'The dashboard is not built: run `npm run build:ui` (npm ci runs it) and reload.\n';
          send(res, 503, 'text/plain; charset=utf-8', hint, 'no-store');
        } else {
          send(res, 404, 'text/plain; charset=utf-8', 'Not found\n', 'no-store');
        }
      },
    );
  };
}
