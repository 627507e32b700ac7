// The README documents every environment variable the code reads, and CI runs the README's test command.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

/**
 * Variable names as the code reads them: `reader(env, 'NAME')`, `env['NAME']`, `process.env.NAME`,
 * `process.env['NAME']`, and `…_ENV = 'NAME'` constants used as `env[CONSTANT]`.
 */
const READS = [
  /\w+\(env, '([A-Z][A-Z0-9_]+)'/g,
  /env\[['"]([A-Z][A-Z0-9_]+)['"]\]/g,
  /process\.env\.([A-Z][A-Z0-9_]+)/g,
  /_ENV = '([A-Z][A-Z0-9_]+)'/g,
];

const variables = new Set(
  sources(join(ROOT, 'src')).flatMap((text) =>
    READS.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] ?? '')),
  ),
);

describe('README', () => {
  it('lists every configuration variable read anywhere in src/', () => {
    // Guards the scan itself: far fewer names would mean the patterns no longer match the code.
    expect(variables.size).toBeGreaterThanOrEqual(35);
    for (const known of [
      'BACKPACK_API_SECRET',
      'GATEWAY_CACHE_TTL_MS',
      'EXCHANGE_PORT',
      'LOG_LEVEL',
      'NODE_ENV',
      'GATEWAY_ALLOWED_HOSTS',
    ]) {
      expect(variables).toContain(known);
    }
    const missing = [...variables].filter((name) => !README.includes(`\`${name}\``)).sort();
    expect(missing, 'variables the README does not mention (add them to its Configuration table)').toEqual([]);
  });

  it('names the test command that .ci/run runs after a clean npm ci', () => {
    const ci = readFileSync(join(ROOT, '.ci/run'), 'utf8');
    const steps = ci
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    const install = steps.findIndex((line) => line.startsWith('npm ci'));
    const test = steps.indexOf('npm test');
    expect(steps).toContain('set -euo pipefail');
    expect(install).toBeGreaterThanOrEqual(0);
    expect(test).toBeGreaterThan(install);
    expect(README).toMatch(/^npm test\b/m);
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts['test']).toBe('vitest run');
  });
});
