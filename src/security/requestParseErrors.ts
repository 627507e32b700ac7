// Request-parsing errors never quote the request: yoga attaches the JSON parser's message (which quotes the body, or
// the `variables`/`extensions` query parameter) to its error, and that would go back to the caller and into logs.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { withNativeHooks } from '../http/native/hooks.ts';

const INVALID_JSON = 'The request is not valid JSON.';

/** The same error without `extensions.originalError`; anything that is not a GraphQLError becomes a plain 400. */
export function withoutRequestText(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) {
    const { originalError: _quoted, ...extensions } = error.extensions;
    return new GraphQLError(error.message, { extensions });
  }
  // JSON.parse of a GET request's `variables`/`extensions` throws a SyntaxError that yoga does not wrap.
  return new GraphQLError(INVALID_JSON, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
}

/** Wraps whichever request parser yoga picked for the request (JSON body, GET parameters …). */
export function useRequestParseErrorsWithoutText(): Plugin {
  // Nothing to do on the native path: a body it cannot parse into a JSON object goes to yoga, and then through here.
  return withNativeHooks<Plugin>(yogaRequestParseErrorsWithoutText(), {});
}

function yogaRequestParseErrorsWithoutText(): Plugin {
  return {
    onRequestParse({ requestParser, setRequestParser }) {
      if (requestParser === undefined) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          throw withoutRequestText(error);
        }
      });
    },
  };
}
