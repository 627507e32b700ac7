// Small typed readers for the security module's environment variables (same rules as src/config.ts).
import { ConfigError } from '../config.ts';

export type Env = Readonly<Record<string, string | undefined>>;

/** An unset or blank variable counts as absent. */
export function readEnv(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function envInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const text = readEnv(env, name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new ConfigError(`${name} must be a whole number, got "${text}"`);
  const value = Number(text);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function envBoolean(env: Env, name: string, fallback: boolean): boolean {
  const text = readEnv(env, name)?.toLowerCase();
  if (text === undefined) return fallback;
  if (['true', '1', 'yes', 'on'].includes(text)) return true;
  if (['false', '0', 'no', 'off'].includes(text)) return false;
  throw new ConfigError(`${name} must be true or false, got "${text}"`);
}

/** `NODE_ENV=production` switches the production defaults (no introspection, no GraphiQL, strict CORS). */
export function isProduction(env: Env): boolean {
  return readEnv(env, 'NODE_ENV')?.toLowerCase() === 'production';
}
