import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseUpgrade } from '../../src/security/http.ts';
import { loadOriginPolicy } from '../../src/security/origins.ts';
import { startGateway, type TestGateway } from '../support/gateway.ts';
import { codes, post } from '../support/gql.ts';
import { toyGateway } from './support.ts';

describe('HTTP hardening in local mode (dev)', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startGateway(toyGateway({ GATEWAY_CORS_ORIGINS: 'https://app.example.com' }));
  });
  afterAll(() => gateway.close());

  it('sets the security headers and no-store on GraphQL responses', async () => {
    const { headers } = await post(gateway, { query: '{ whoami }' });
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('serves GraphiQL under a CSP that allows only its own origin', async () => {
    const response = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('script-src');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('answers CORS for a listed origin only, without credentials', async () => {
    const allowed = await fetch(gateway.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');

    const refused = await post(gateway, { query: '{ whoami }' }, { headers: { origin: 'https://evil.example' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(codes(refused.body)).toEqual(['FORBIDDEN_ORIGIN']);
  });

  it('refuses form and text POSTs a cross-site page could send without a preflight', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': type },
        body: 'query=mutation{placeOrder}',
      });
      expect(response.status, type).toBe(415);
    }
  });

  it('refuses a foreign Host header (DNS rebinding) while bound to loopback', async () => {
    const { request } = await import('node:http');
    const url = new URL(gateway.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { host: `attacker.example:${url.port}`, 'content-type': 'application/json' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ query: '{ whoami }' }));
    });
    expect(status).toBe(421);
    // The gateway's own pages (same origin) are fine.
    expect(
      (await post(gateway, { query: '{ whoami }' }, { headers: { origin: `http://127.0.0.1:${url.port}` } })).status,
    ).toBe(200);
  });
});

describe('origin policy', () => {
  it('lets loopback pages call in dev but not in production', () => {
    const dev = loadOriginPolicy({}, { host: '127.0.0.1', unauthenticatedKeys: true });
    const prod = loadOriginPolicy({ NODE_ENV: 'production' }, { host: '127.0.0.1', unauthenticatedKeys: true });
    const upgrade = (origin: string) => ({ headers: { host: '127.0.0.1:4000', origin } });
    expect(refuseUpgrade(dev, upgrade('http://localhost:5173'))).toBeNull();
    expect(refuseUpgrade(prod, upgrade('http://localhost:5173'))).toMatch(/not allowed/);
    expect(refuseUpgrade(prod, upgrade('http://127.0.0.1:4000'))).toBeNull(); // same origin
    expect(refuseUpgrade(prod, { headers: { host: '127.0.0.1:4000' } })).toBeNull(); // no Origin: not a browser
    expect(refuseUpgrade(dev, upgrade('https://evil.example'))).toMatch(/not allowed/); // cross-site WebSocket hijacking
    expect(refuseUpgrade(dev, { headers: { host: 'rebound.example:4000' } })).toMatch(/Host/);
  });

  it('refuses GATEWAY_CORS_ORIGINS=* while keys are served without tokens', () => {
    expect(() =>
      loadOriginPolicy({ GATEWAY_CORS_ORIGINS: '*' }, { host: '127.0.0.1', unauthenticatedKeys: true }),
    ).toThrow(/any website/);
    expect(
      loadOriginPolicy({ GATEWAY_CORS_ORIGINS: '*' }, { host: '0.0.0.0', unauthenticatedKeys: false }).origins,
    ).toBe('any');
    expect(() =>
      loadOriginPolicy({ GATEWAY_CORS_ORIGINS: 'app.example.com' }, { host: '0.0.0.0', unauthenticatedKeys: false }),
    ).toThrow(/not an origin/);
  });

  it('accepts any Host when bound to a public interface, unless GATEWAY_ALLOWED_HOSTS lists them', () => {
    expect(loadOriginPolicy({}, { host: '0.0.0.0', unauthenticatedKeys: false }).allowedHosts).toBeNull();
    expect(
      loadOriginPolicy({ GATEWAY_ALLOWED_HOSTS: 'api.example.com' }, { host: '0.0.0.0', unauthenticatedKeys: false })
        .allowedHosts,
    ).toEqual(['api.example.com']);
  });
});
