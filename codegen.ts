// graphql-codegen (client preset): typed documents for the example operations in schema/operations/ and for the
// dashboard's operations in ui/operations/ (subscriptions included). `npm run codegen`.
import type { CodegenConfig } from '@graphql-codegen/cli';

/** Where the committed output lives; the codegen-current test regenerates in memory and compares. */
export const CODEGEN_OUTPUT = 'src/generated/';
/** The dashboard's typed documents (its own operations only, so each app's output holds what it uses). */
export const DASHBOARD_CODEGEN_OUTPUT = 'ui/src/generated/';

/** Client-preset output for one set of operation documents. */
function typedDocuments(documents: string, persisted = false): CodegenConfig['generates'][string] {
  return {
    documents: [documents],
    preset: 'client',
    // No React components here: plain result types read better than masked fragments. With `persisted`, also the
    // trusted-documents manifest (`persisted-documents.json`, sha256 → document) for GATEWAY_PERSISTED_DOCUMENTS.
    presetConfig: {
      fragmentMasking: false,
      gqlTagName: 'graphql',
      ...(persisted ? { persistedDocuments: { hashAlgorithm: 'sha256' } } : {}),
    },
    config: {
      // Our tsconfig: verbatimModuleSyntax and explicit `.ts` import paths.
      useTypeImports: true,
      importExtension: '.ts',
      enumType: 'string-literal',
      strictScalars: true,
      // Decimals are exact strings end to end; timestamps are ISO strings out, ISO strings or epoch ms in.
      scalars: {
        Decimal: 'string',
        Timestamp: { input: 'string | number', output: 'string' },
      },
    },
  };
}

/** The config, with the output directories as parameters so that tests can generate elsewhere. */
export function codegenConfig(
  output: string = CODEGEN_OUTPUT,
  dashboardOutput = DASHBOARD_CODEGEN_OUTPUT,
): CodegenConfig {
  return {
    schema: 'schema/schema.graphql',
    ignoreNoDocuments: false,
    silent: true,
    generates: {
      [output]: typedDocuments('schema/operations/*.graphql', true),
      [dashboardOutput]: typedDocuments('ui/operations/*.graphql'),
    },
  };
}

export default codegenConfig();
