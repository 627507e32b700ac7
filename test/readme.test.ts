// The README documents every configuration variable as the schema declares it, and CI runs the README's test command.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configurationRows } from '../src/config/settings.ts';

const ROOT = resolve(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The rows of the README's configuration table, cells trimmed (the formatter pads them). */
function readmeConfigurationRows(): { name: string; shownDefault: string; meaning: string }[] {
  const start = README.indexOf('## Configuration');
  const section = README.slice(start, README.indexOf('\n## ', start));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [name = '', shownDefault = '', meaning = ''] = line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim());
      return { name: name.replaceAll('`', ''), shownDefault, meaning };
    });
}

describe('README', () => {
  it('documents every configuration variable exactly as src/config/variables.ts declares it', () => {
    const declared = configurationRows();
    expect(declared.length).toBeGreaterThanOrEqual(35);
    // On a mismatch: `npm run config:table`, paste it over the README's table, `npm run format`.
    expect(readmeConfigurationRows()).toEqual(declared);
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
