// The kinds of configuration variable (whole number, flag, URL, text, choice …): a zod schema over the variable's text
// plus what the README shows for it.
import { z } from 'zod';

/** One environment variable: how its text parses (unset or blank arrives as `undefined`) and how it is documented. */
export interface Variable<Out = unknown> {
  readonly schema: z.ZodType<Out, string | undefined>;
  /** The default as the README shows it; `none` when unset means absent. */
  readonly shownDefault: string;
  /** Allowed values as the README shows them (e.g. `1..60000`), when narrower than the type says. */
  readonly range?: string;
  readonly description: string;
}

interface Documented {
  readonly description: string;
  /** Overrides the README's default column, for defaults that depend on other variables. */
  readonly shownDefault?: string;
}

const text = z.string();

/** A whole number in [min, max]. */
export function integer(options: Documented & { default: number; min: number; max: number }): Variable<number> {
  const { min, max } = options;
  const range = {
    error: (issue: { input?: unknown }) => `must be between ${min} and ${max}, got ${String(issue.input)}`,
  };
  return {
    schema: text
      .regex(/^\d+$/, { error: (issue) => `must be a whole number, got "${String(issue.input)}"` })
      .transform(Number)
      .pipe(z.number().min(min, range).max(max, range))
      .default(options.default),
    shownDefault: options.shownDefault ?? String(options.default),
    range: `${min}..${max}`,
    description: options.description,
  };
}

/** A whole number in [min, max], or absent (undefined) when unset. */
export function optionalInteger(options: Documented & { min: number; max: number }): Variable<number | undefined> {
  const { min, max } = options;
  const range = {
    error: (issue: { input?: unknown }) => `must be between ${min} and ${max}, got ${String(issue.input)}`,
  };
  return {
    schema: text
      .regex(/^\d+$/, { error: (issue) => `must be a whole number, got "${String(issue.input)}"` })
      .transform(Number)
      .pipe(z.number().min(min, range).max(max, range))
      .optional(),
    shownDefault: options.shownDefault ?? 'none',
    range: `${min}..${max}`,
    description: options.description,
  };
}

/** A number between 0 and 1 (a sampling ratio). */
export function ratio(options: Documented & { default: number }): Variable<number> {
  return {
    schema: text
      .regex(/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/, {
        error: (issue) => `must be a ratio between 0 and 1, got "${String(issue.input)}"`,
      })
      .transform(Number)
      .default(options.default),
    shownDefault: options.shownDefault ?? String(options.default),
    range: '0..1',
    description: options.description,
  };
}

const TRUE = ['true', '1', 'yes', 'on'];
const FALSE = ['false', '0', 'no', 'off'];

function flagSchema() {
  return text
    .transform((value) => value.toLowerCase())
    .refine((value) => TRUE.includes(value) || FALSE.includes(value), {
      error: (issue) => `must be true or false, got "${String(issue.input)}"`,
    })
    .transform((value) => TRUE.includes(value));
}

/** true/false (also 1/0, yes/no, on/off). */
export function flag(options: Documented & { default: boolean }): Variable<boolean> {
  return {
    schema: flagSchema().default(options.default),
    shownDefault: options.shownDefault ?? String(options.default),
    description: options.description,
  };
}

/** A flag whose default depends on other variables: `undefined` when unset. */
export function optionalFlag(options: Documented & { shownDefault: string }): Variable<boolean | undefined> {
  return { schema: flagSchema().optional(), shownDefault: options.shownDefault, description: options.description };
}

/** An absolute URL with one of the given schemes; trailing slashes are dropped. */
export function url(options: Documented & { default: string; schemes: readonly string[] }): Variable<string> {
  const { schemes } = options;
  return {
    schema: text
      .refine((value) => URL.canParse(value), {
        error: (issue) => `is not a valid URL: "${String(issue.input)}"`,
        abort: true,
      })
      .refine((value) => schemes.includes(new URL(value).protocol.replace(':', '')), {
        error: (issue) => `must use ${schemes.join(' or ')}, got "${String(issue.input)}"`,
      })
      .default(options.default)
      .transform((value) => value.replace(/\/+$/, '')),
    shownDefault: options.shownDefault ?? `\`${options.default}\``,
    description: options.description,
  };
}

/** An optional absolute URL with one of the given schemes (`undefined` when unset); credentials in it stay secret. */
export function optionalUrl(options: Documented & { schemes: readonly string[] }): Variable<string | undefined> {
  const { schemes } = options;
  return {
    schema: text
      .refine((value) => URL.canParse(value), { error: () => 'is not a valid URL', abort: true })
      .refine((value) => schemes.includes(new URL(value).protocol.replace(':', '')), {
        error: () => `must use ${schemes.join(' or ')}`,
      })
      .optional(),
    shownDefault: options.shownDefault ?? 'unset',
    description: options.description,
  };
}

/** Free text (a path, a host, a list the owning module parses); `undefined` when unset unless it has a default. */
export function textValue(options: Documented & { default: string }): Variable<string>;
export function textValue(options: Documented): Variable<string | undefined>;
export function textValue(options: Documented & { default?: string }): Variable<string | undefined> {
  return {
    schema: options.default === undefined ? text.optional() : text.default(options.default),
    shownDefault: options.shownDefault ?? options.default ?? 'none',
    description: options.description,
  };
}

/** One of a fixed set of words (case-insensitive; read in lower case). */
export function choice<const T extends string>(
  options: Documented & { values: readonly T[]; default: T },
): Variable<T> {
  return {
    schema: text
      .transform((value) => value.toLowerCase())
      .pipe(
        z.enum(options.values, {
          error: (issue) => `must be one of ${options.values.join(', ')}, got "${String(issue.input)}"`,
        }),
      )
      .default(options.default),
    shownDefault: options.shownDefault ?? options.default,
    range: options.values.join(', '),
    description: options.description,
  };
}

/** `name=ms,name=ms` with names from `names` plus `default`; empty when unset. */
export function durationsByName<const N extends string>(
  options: Documented & { names: readonly N[] },
): Variable<{ readonly byName: Partial<Record<N, number>>; readonly default?: number }> {
  const known = new Set<string>(options.names);
  return {
    schema: text.optional().transform((value, ctx) => {
      const byName: Partial<Record<N, number>> = {};
      let fallback: number | undefined;
      for (const item of (value ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)) {
        const match = /^([A-Za-z]+)\s*=\s*(\d+)$/.exec(item);
        const [, name = '', ms = '0'] = match ?? [];
        if (!match) ctx.addIssue({ code: 'custom', message: `expected name=milliseconds, got "${item}"` });
        else if (name === 'default') fallback = Number(ms);
        else if (known.has(name)) byName[name as N] = Number(ms);
        else ctx.addIssue({ code: 'custom', message: `names an unknown endpoint "${name}"` });
      }
      return fallback === undefined ? { byName } : { byName, default: fallback };
    }),
    shownDefault: options.shownDefault ?? 'none',
    description: options.description,
  };
}
