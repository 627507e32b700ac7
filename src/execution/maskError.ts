// What a client sees of a failure: known ones as coded GraphQLErrors, everything else masked and logged (scrubbed).
import { GraphQLError } from 'graphql';
import { maskError as defaultMaskError } from 'graphql-yoga';
import type { Logger } from 'pino';
import { toGraphQLError } from '../schema/errors.ts';

/** Known failures become coded GraphQLErrors; everything else is masked (no stack, no message, no secrets). */
export function maskErrorFor(logger: Logger) {
  return (error: unknown, message: string): Error => {
    const located = error instanceof GraphQLError ? error : null;
    const mapped = toGraphQLError(located ? located.originalError : error);
    if (mapped) {
      return new GraphQLError(mapped.message, {
        nodes: located?.nodes ?? null,
        source: located?.source ?? null,
        positions: located?.positions ?? null,
        path: located?.path ?? null,
        extensions: mapped.extensions,
      });
    }
    const original = located?.originalError ?? error;
    if (original && !(original instanceof GraphQLError)) {
      logger.error(
        { err: original instanceof Error ? { name: original.name, message: original.message } : String(original) },
        'unexpected resolver error',
      );
    }
    return defaultMaskError(error, message, false);
  };
}
