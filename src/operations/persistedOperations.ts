// Persisted operations through yoga's plugin: APQ (a client registers query + sha256 once, then sends the hash only)
// or trusted documents (GATEWAY_PERSISTED_DOCUMENTS, a graphql-codegen client-preset manifest; nothing else runs).
// @graphql-yoga/plugin-apq is not used: its peer @graphql-tools/utils@^10 conflicts with codegen's v11, so the APQ
// store below registers a query only after checking its sha256, which is all that plugin adds.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { Kind, parse, type DocumentNode } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import { ConfigError } from '../config.ts';

export interface PersistedOperationsOptions {
  readonly apq: boolean;
  /** Path of the trusted-documents manifest (hash → document); when set, only those documents run. */
  readonly manifest: string | undefined;
}

const APQ_ENTRIES = 1_000;

function persistedHash(params: { extensions?: Record<string, unknown> | undefined }): string | undefined {
  const persisted = params.extensions?.['persistedQuery'] as { sha256Hash?: unknown } | undefined;
  return typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
}

function loadManifest(path: string): ReadonlyMap<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new ConfigError(`GATEWAY_PERSISTED_DOCUMENTS: cannot read ${path} as JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(`GATEWAY_PERSISTED_DOCUMENTS: ${path} must map hashes to documents`);
  }
  const entries = Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  // graphql-codegen writes `sha256:<hex>` keys (its documentId); APQ-style clients send the bare hex.
  return new Map(
    entries.flatMap(([key, document]) => [[key, document] as const, [key.replace(/^sha256:/, ''), document] as const]),
  );
}

/** The names of the manifest's operations: the metrics always label them by name. */
export function persistedOperationNames(manifest: string | undefined): string[] {
  if (manifest === undefined) return [];
  const names = new Set<string>();
  for (const document of new Set(loadManifest(manifest).values())) {
    for (const definition of parseQuietly(document)?.definitions ?? []) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
    }
  }
  return [...names];
}

function parseQuietly(document: string): DocumentNode | undefined {
  try {
    return parse(document, { noLocation: true });
  } catch {
    return undefined; // yoga answers this document's parse error when it is sent
  }
}

export function persistedOperationPlugins(options: PersistedOperationsOptions): Plugin[] {
  if (options.manifest !== undefined) {
    const documents = loadManifest(options.manifest);
    return [
      usePersistedOperations({
        getPersistedOperation: (hash) => documents.get(hash) ?? null,
        allowArbitraryOperations: false,
        customErrors: {
          persistedQueryOnly: 'This gateway runs trusted documents only; send the hash of a persisted document.',
        },
      }),
    ];
  }
  if (!options.apq) {
    return [
      {
        onParams({ params }) {
          if (persistedHash(params) !== undefined && !params.query) {
            throw createGraphQLError('PersistedQueryNotSupported', {
              extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED', http: { status: 200 } },
            });
          }
        },
      },
    ];
  }
  const store = new LRUCache<string, string>({ max: APQ_ENTRIES });
  const register: Plugin = {
    onParams({ params }) {
      const hash = persistedHash(params);
      if (hash === undefined || !params.query) return;
      if (createHash('sha256').update(params.query).digest('hex') !== hash) {
        throw createGraphQLError('provided sha does not match query', {
          extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH', http: { status: 400 } },
        });
      }
      store.set(hash, params.query);
    },
  };
  return [
    register,
    usePersistedOperations({
      getPersistedOperation: (hash) => store.get(hash) ?? null,
      allowArbitraryOperations: true,
      // Registrations (query + hash) run their query; only hash-only requests are looked up.
      extractPersistedOperationId: (params) => (params.query ? null : (persistedHash(params) ?? null)),
      customErrors: {
        notFound: { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
      },
    }),
  ];
}
