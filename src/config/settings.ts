// Environment → typed settings from the one variable table, reporting every bad variable at once, each by name.
import type { Variable } from './kinds.ts';
import { variables } from './variables.ts';

export type Env = Readonly<Record<string, string | undefined>>;

type Variables = typeof variables;
export type VariableName = keyof Variables;
export type Settings = { readonly [N in VariableName]: Variables[N] extends Variable<infer Out> ? Out : never };

/** A configuration problem found at startup; `problems` holds one line per bad variable (never a secret's value). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.join('\n'));
    this.problems = list;
  }
}

/** An unset or blank variable counts as absent. */
function present(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Parses one variable: its value, or the problem line naming it. */
function parse<N extends VariableName>(env: Env, name: N): { value: Settings[N] } | { problem: string } {
  const variable: Variable = variables[name];
  const result = variable.schema.safeParse(present(env, name));
  if (result.success) return { value: result.data as Settings[N] };
  return { problem: `${name} ${result.error.issues[0]?.message ?? 'is invalid'}` };
}

/** Every variable, parsed; throws one ConfigError listing each bad variable. */
export function readSettings(env: Env = process.env): Settings {
  const settings: Partial<Record<VariableName, unknown>> = {};
  const problems: string[] = [];
  for (const name of Object.keys(variables) as VariableName[]) {
    const parsed = parse(env, name);
    if ('problem' in parsed) problems.push(parsed.problem);
    else settings[name] = parsed.value;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return settings as Settings;
}

/** One variable, parsed (for code that needs only it, such as the logger). */
export function readSetting<N extends VariableName>(env: Env, name: N): Settings[N] {
  const parsed = parse(env, name);
  if ('problem' in parsed) throw new ConfigError(parsed.problem);
  return parsed.value;
}

/** `NODE_ENV=production` switches the production defaults (no introspection, no GraphiQL, strict CORS). */
export function isProduction(env: Env): boolean {
  return readSetting(env, 'NODE_ENV')?.toLowerCase() === 'production';
}

/** The README's configuration table rows: variable, default, meaning (with the allowed range). */
export function configurationRows(): { name: string; shownDefault: string; meaning: string }[] {
  return Object.entries(variables).map(([name, variable]: [string, Variable]) => ({
    name,
    shownDefault: variable.shownDefault,
    meaning: variable.range === undefined ? variable.description : `${variable.description} (${variable.range})`,
  }));
}
