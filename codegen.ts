// graphql-codegen (client preset): typed documents for the example operations in schema/operations/. `npm run codegen`.
import type { CodegenConfig } from '@graphql-codegen/cli';

/** Where the committed output lives; the codegen-current test regenerates elsewhere and compares. */
export const CODEGEN_OUTPUT = 'src/generated/';

/** The config, with the output directory as a parameter so that tests can generate into a temp directory. */
export function codegenConfig(output: string = CODEGEN_OUTPUT): CodegenConfig {
  return {
    schema: 'schema/schema.graphql',
    documents: ['schema/operations/*.graphql'],
    ignoreNoDocuments: false,
    silent: true,
    generates: {
      [output]: {
        preset: 'client',
        // No React components here: plain result types read better than masked fragments.
        presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
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
      },
    },
  };
}

export default codegenConfig();
