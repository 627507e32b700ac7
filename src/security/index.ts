// One entry point for the server: loadSecurity(env, config) → accounts, tokens, mode, plugins, identity, logger.
import type { IncomingMessage } from 'node:http';
import type { Plugin as EnvelopPlugin } from '@envelop/core';
import type { Plugin as YogaPlugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { ConfigError, type Config } from '../config.ts';
import { createLogger } from '../log.ts';
import { loadAccounts, type Account, type Accounts } from './accounts.ts';
import { createAdmission, type AdmissionSettings } from './admission.ts';
import { accountFor, authScopes, type GatewayAuthScopes } from './authorize.ts';
import { checkBindPolicy } from './bindPolicy.ts';
import { useChunkedBodyLimit } from './bodySize.ts';
import { readSetting, type Env } from '../config/settings.ts';
import { corsOptions, refuseUpgrade, useHttpSecurity } from './http.ts';
import { createIdentify, identifyContext, type Identify, type IdentitySource } from './identity.ts';
import { limitPlugins, loadLimits, yogaLimitOptions, type Limits } from './limits.ts';
import { loadOriginPolicy, type OriginPolicy } from './origins.ts';
import { useRequestParseErrorsWithoutText } from './requestParseErrors.ts';
import type { Principal } from './principal.ts';
import { loadTokensFile, type Tokens } from './tokens.ts';

/** What createYoga's `plugins` accepts from us: yoga plugins (HTTP hooks) and envelop plugins (GraphQL phases). */
export type SecurityPlugin = YogaPlugin | EnvelopPlugin;

export interface Security {
  readonly accounts: Accounts;
  /** null in local mode. */
  readonly tokens: Tokens | null;
  /** `local`: no tokens, loopback only, the caller is the single account. `tokens`: callers authenticate. */
  readonly mode: 'local' | 'tokens';
  readonly limits: Limits;
  readonly origins: OriginPolicy;
  /** Envelop/yoga plugins: HTTP guards + headers, document limits, introspection switch, admission (budget). */
  readonly plugins: SecurityPlugin[];
  /** Spread into createYoga: cors, batching, maxRequestBodySize, multipart off. (GraphiQL: see `limits.graphiql`.) */
  readonly yogaOptions: SecurityYogaOptions;
  /** Principal of an HTTP request or graphql-ws connection; throws UnauthenticatedError on a bad token. */
  readonly identify: Identify;
  /** Principal of a yoga / graphql-ws context (the context factory's input). */
  identifyContext(context: object): Principal;
  /**
   * Takes one operation from the caller's budget (the admission plugin's check) for an answer given without executing;
   * false when it would be refused, and the request should then go through the full pipeline to get the error.
   */
  admit(context: object): boolean | Promise<boolean>;
  /** The account this principal acts as (null for anonymous). */
  accountFor(principal: Principal): Account | null;
  readonly authScopes: (principal: Principal) => GatewayAuthScopes;
  /** graphql-ws `onConnect`: false closes the socket (4403) on a foreign Origin/Host or a bad token. */
  acceptConnection(ctx: {
    connectionParams?: Readonly<Record<string, unknown>> | undefined;
    extra: { request: Pick<IncomingMessage, 'headers'> };
  }): boolean;
  readonly logger: Logger;
  /** Log at startup: the mode, the bind policy's verdict and file-permission warnings. */
  readonly startupMessages: readonly string[];
}

export interface SecurityYogaOptions {
  readonly cors: ReturnType<typeof corsOptions>;
  readonly batching: false | { limit: number };
  readonly maxRequestBodySize: false;
  /** Uploads are not part of this API, and multipart is a CSRF-able content type. */
  readonly multipart: false;
}

export interface SecurityDeps {
  readonly logger?: Logger;
  readonly now?: () => number;
  /** Where the per-caller budgets live (replica mode: Redis); default this process. */
  readonly callerBudget?: AdmissionSettings['budget'];
}

export function loadSecurity(env: Env, config: Pick<Config, 'key' | 'host'>, deps: SecurityDeps = {}): Security {
  const warnings: string[] = [];
  const accounts = loadAccounts(env, config, warnings);
  const tokensFile = readSetting(env, 'GATEWAY_TOKENS_FILE');
  const tokens = tokensFile === undefined ? null : loadTokensFile(tokensFile, accounts);
  const mode = tokens === null ? 'local' : 'tokens';
  const limits = loadLimits(env);

  if (mode === 'local' && accounts.list.length > 1) {
    throw new ConfigError(
      `GATEWAY_ACCOUNTS_FILE defines ${accounts.list.length} accounts; set GATEWAY_TOKENS_FILE to say which caller uses which ` +
        '(local mode serves exactly one account)',
    );
  }
  if (mode === 'local' && limits.publicRequiresToken) {
    throw new ConfigError('GATEWAY_PUBLIC_REQUIRES_TOKEN=true needs GATEWAY_TOKENS_FILE (no tokens are configured)');
  }
  const bindMessage = checkBindPolicy({
    host: config.host,
    hasKeys: accounts.list.length > 0,
    hasTokens: tokens !== null,
  });
  const origins = loadOriginPolicy(env, {
    host: config.host,
    unauthenticatedKeys: mode === 'local' && accounts.list.length > 0,
  });

  const identify = createIdentify(
    tokens === null ? { mode: 'local', account: accounts.list[0]?.name ?? null } : { mode: 'tokens', tokens },
  );
  const admission = createAdmission({
    identify,
    perMinute: limits.perMinute,
    anonymousPerMinute: limits.anonymousPerMinute,
    publicRequiresToken: limits.publicRequiresToken,
    maxCost: limits.maxCost,
    costPerMinute: limits.costPerMinute,
    anonymousCostPerMinute: limits.anonymousCostPerMinute,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.callerBudget ? { budget: deps.callerBudget } : {}),
  });
  const plugins: SecurityPlugin[] = [
    useChunkedBodyLimit(limits.maxBodyBytes),
    useHttpSecurity(origins, { graphiql: limits.graphiql }),
    useRequestParseErrorsWithoutText(),
    ...limitPlugins(limits),
    admission.plugin,
  ];
  const logger = deps.logger ?? createLogger({ level: readSetting(env, 'LOG_LEVEL') });

  return {
    accounts,
    tokens,
    mode,
    limits,
    origins,
    plugins,
    yogaOptions: { cors: corsOptions(origins), ...yogaLimitOptions(limits), multipart: false },
    identify,
    identifyContext: (context) => identifyContext(identify, context),
    admit: (context) => {
      try {
        const refusal = admission.refusal(context);
        return refusal instanceof Promise
          ? refusal.then(
              (refused) => refused === null,
              () => false,
            )
          : refusal === null;
      } catch {
        return false;
      }
    },
    accountFor: (principal) => accountFor(principal, accounts),
    authScopes,
    acceptConnection(ctx) {
      const reason = refuseUpgrade(origins, ctx.extra.request);
      if (reason !== null) {
        logger.warn({ reason }, 'graphql-ws connection refused');
        return false;
      }
      try {
        identify({
          connectionParams: ctx.connectionParams ?? null,
          headers: ctx.extra.request.headers,
        } satisfies IdentitySource);
        return true;
      } catch {
        logger.warn('graphql-ws connection refused: invalid gateway token');
        return false;
      }
    },
    logger,
    startupMessages: [
      bindMessage,
      `Accounts: ${accounts.list.map((account) => account.name).join(', ') || 'none'}; ` +
        (tokens === null ? 'no gateway tokens.' : `${tokens.list.length} gateway token(s).`),
      ...warnings,
    ],
  };
}

export type { Account, Accounts } from './accounts.ts';
export type { GatewayAuthScopes } from './authorize.ts';
export { requireScope } from './authorize.ts';
export { withBodyLimit } from './bodySize.ts';
export type { Principal } from './principal.ts';
