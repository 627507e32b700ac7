// gql(): one GraphQL request over HTTP POST to a gateway under test; gqlData() the typed variant that expects data;
// post() a raw body (batches, malformed JSON); codes() the error codes of an answer.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { expect } from 'vitest';

export interface GraphQLError {
  readonly message: string;
  readonly path?: readonly (string | number)[];
  readonly extensions?: Record<string, unknown>;
}

/** A GraphQL response body; `data` is loosely typed unless the document is a TypedDocumentNode. */
export interface GraphQLBody<T = Record<string, any>> {
  data?: T | null;
  errors?: GraphQLError[];
}

export interface GqlResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  /** The parsed body ({} for an empty one). */
  readonly body: GraphQLBody<T>;
}

/** A URL, or anything with one (a TestGateway, a Gateway); a TestGateway also resolves token names. */
export type GqlTarget = string | { readonly url: string; readonly tokens?: Readonly<Record<string, string>> };

export interface GqlOptions {
  /** `Authorization: Bearer <token>`; a TestGateway's token name (`aliceRead`) or a raw token. */
  readonly token?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** POSTs one operation (a string or a printed TypedDocumentNode) with its variables; the raw answer, errors included. */
export function gql<TResult = Record<string, any>, TVariables = Record<string, unknown>>(
  target: GqlTarget,
  document: string | TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
  options: GqlOptions = {},
): Promise<GqlResponse<TResult>> {
  return post<TResult>(
    target,
    { query: typeof document === 'string' ? document : print(document), variables },
    options,
  );
}

/** POSTs a request body as it is: an operation, a batch (an array), or text sent unchanged (malformed JSON). */
export async function post<TResult = Record<string, any>>(
  target: GqlTarget,
  body: unknown,
  options: GqlOptions = {},
): Promise<GqlResponse<TResult>> {
  const url = typeof target === 'string' ? target : target.url;
  const tokens = typeof target === 'string' ? undefined : target.tokens;
  const bearer = options.token === undefined ? undefined : (tokens?.[options.token] ?? options.token);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(bearer !== undefined ? { authorization: `Bearer ${bearer}` } : {}),
      ...options.headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : {}) as GraphQLBody<TResult>,
  };
}

/** The `extensions.code` of each error, in order. */
export function codes(body: GraphQLBody<unknown>): unknown[] {
  return (body.errors ?? []).map((error) => error.extensions?.['code']);
}

/** Executes a typed document and expects HTTP 200 and data without errors. */
export async function gqlData<TResult, TVariables>(
  target: GqlTarget,
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
  options: GqlOptions = {},
): Promise<TResult> {
  const { status, body } = await gql(target, document, variables, options);
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  if (body.data == null) throw new Error('no data in the response');
  return body.data;
}
