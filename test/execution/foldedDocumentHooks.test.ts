// Folded onParse and onValidate hooks behave as envelop's own loops over them: every scenario runs through envelop with
// the plugins as given and with their hooks folded, and both runs must log and answer the same.
import { envelop, useEngine, useSchema, type Plugin } from '@envelop/core';
import {
  buildSchema,
  execute,
  GraphQLError,
  parse,
  specifiedRules,
  subscribe,
  validate,
  type DocumentNode,
  type ValidationRule,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { foldDocumentHooks } from '../../src/execution/foldedDocumentHooks.ts';

const schema = buildSchema('type Query { hello: String }');

type Log = string[];
type Scenario = (log: Log) => Plugin[];

function parseAndValidate(plugins: Plugin[], withSpecifiedRules: boolean): unknown {
  const engine = useEngine({
    parse,
    validate,
    execute,
    subscribe,
    ...(withSpecifiedRules ? { specifiedRules } : {}),
  });
  const enveloped = envelop({ plugins: [engine, useSchema(schema), ...plugins] })({});
  let document: DocumentNode;
  try {
    document = enveloped.parse('{ hello }');
  } catch (error) {
    return { parseError: (error as Error).message };
  }
  const errors = enveloped.validate(enveloped.schema, document).map((error: Error) => error.message);
  return { document: document.loc?.source.body ?? JSON.stringify(document), errors };
}

async function both(scenario: Scenario, withSpecifiedRules = true): Promise<{ given: unknown; folded: unknown }> {
  const givenLog: Log = [];
  const given = parseAndValidate(scenario(givenLog), withSpecifiedRules);
  const foldedLog: Log = [];
  const list = foldDocumentHooks(scenario(foldedLog));
  expect(list.filter((plugin) => plugin.onValidate !== undefined).length).toBeLessThanOrEqual(1);
  const folded = parseAndValidate(list, withSpecifiedRules);
  return { given: [givenLog, given], folded: [foldedLog, folded] };
}

/** A rule named `name` that reports one error on the document. */
function failingRule(name: string): ValidationRule {
  const rule: ValidationRule = (context) => ({
    Document(node) {
      context.reportError(new GraphQLError(`${name} refused`, { nodes: node }));
    },
  });
  Object.defineProperty(rule, 'name', { value: name });
  return rule;
}

const parsing = (name: string, log: Log): Plugin => ({
  onParse({ parseFn, setParseFn, params }) {
    log.push(`${name} parse ${String(params.source)}`);
    setParseFn((source, options) => {
      log.push(`${name} parses`);
      return parseFn(source, options);
    });
    return ({ result, replaceParseResult }) => {
      log.push(`${name} after ${result instanceof Error ? 'error' : (result as DocumentNode).kind}`);
      if (name === 'b') replaceParseResult(parse('{ __typename }'));
    };
  },
});

const validating = (name: string, log: Log): Plugin => ({
  onValidate({ params, validateFn, setValidationFn, addValidationRule }) {
    log.push(`${name} sees ${(params.rules ?? []).map((rule: ValidationRule) => rule.name).join(',')}`);
    addValidationRule(failingRule(`rule-${name}`));
    setValidationFn((...args) => {
      log.push(`${name} validates`);
      return validateFn(...args);
    });
    return ({ valid, result, setResult }) => {
      log.push(`${name} after valid=${String(valid)} ${result.map((error) => error.message).join(',')}`);
      if (name === 'b') setResult(result.slice(1));
    };
  },
});

describe('folded onParse and onValidate hooks', () => {
  it('parse: run in order, each wrapping the parser the ones before it set, and replace results in order', async () => {
    const { given, folded } = await both((log) => [parsing('a', log), parsing('b', log), parsing('c', log)]);
    expect(folded).toEqual(given);
    expect(JSON.stringify(given)).toContain('c after Document');
  });

  it('parse: a member setting the document skips the parser, as in envelop', async () => {
    const { given, folded } = await both((log) => [
      parsing('a', log),
      { onParse: ({ setParsedDocument }) => setParsedDocument(parse('{ hello }')) },
      parsing('c', log),
    ]);
    expect(folded).toEqual(given);
    expect(JSON.stringify(given)).not.toContain('parses');
  });

  for (const withSpecifiedRules of [true, false]) {
    it(`validate: each member sees the rules added before it, wraps the validator, sets results in order (${withSpecifiedRules ? 'with' : 'without'} the engine's rules)`, async () => {
      const { given, folded } = await both(
        (log) => [validating('a', log), validating('b', log), validating('c', log)],
        withSpecifiedRules,
      );
      expect(folded).toEqual(given);
      const [log] = given as [Log];
      expect(log.find((line) => line.startsWith('c sees'))).toMatch(/rule-a,rule-b$/);
      expect(log).toContain('c after valid=false rule-b refused,rule-c refused');
    });
  }

  it('validate: a result set by a member is what validation answers', async () => {
    const { given, folded } = await both((log) => [
      validating('a', log),
      { onValidate: ({ setResult }) => setResult([new GraphQLError('cached')]) },
      validating('c', log),
    ]);
    expect(folded).toEqual(given);
    expect(JSON.stringify(given)).not.toContain('validates');
  });
});
