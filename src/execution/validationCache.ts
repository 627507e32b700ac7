// Validation results by document and rule set, in place of yoga's validation cache (its parse cache stays).
import type { Plugin } from '@envelop/core';
import type { DocumentNode, GraphQLSchema, ValidationRule } from 'graphql';

/** One validation of a document: under exactly these rules, these errors. */
interface Validated {
  readonly rules: readonly ValidationRule[];
  /** What validate answered: GraphQLErrors (or a rule's thrown Error). */
  readonly errors: readonly Error[];
}

/** Rule sets kept per document: the set differs only by caller (introspection allowed or not). */
const MAX_RULE_SETS = 4;

/**
 * yoga's cache (`parserAndValidationCache`) keys a validation by its rules' names, joined into a string on every
 * request, and the @defer/@stream plugin rebuilds the rule list on every request too: together about 3 % of an uncached
 * query's CPU (bench B1U). Here a validation is found by comparing the rule list with the ones it was validated under,
 * rule by rule (see `sameRules`). Register it after every plugin that adds validation rules.
 */
export function useValidationCache(): Plugin {
  const validations = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Validated[]>>();

  const validatedOf = (schema: GraphQLSchema, document: DocumentNode): Validated[] => {
    let bySchema = validations.get(schema);
    if (bySchema === undefined) validations.set(schema, (bySchema = new WeakMap()));
    let byDocument = bySchema.get(document);
    if (byDocument === undefined) bySchema.set(document, (byDocument = []));
    return byDocument;
  };

  return {
    onValidate({ params: { schema, documentAST, rules }, setResult }) {
      const ruleList = rules ?? [];
      const kept = validatedOf(schema, documentAST);
      const known = kept.find((entry) => sameRules(entry.rules, ruleList));
      if (known !== undefined) {
        setResult(known.errors);
        return;
      }
      return ({ result }) => {
        if (kept.length >= MAX_RULE_SETS) kept.shift();
        kept.push({ rules: [...ruleList], errors: result });
      };
    },
  };
}

/**
 * The same function, or one of the same name in the same place: graphql-armor's limits (depth, aliases, directives)
 * add a rule built afresh on every request. yoga's cache compares names only; names are read here only where the
 * functions differ.
 */
function sameRules(a: readonly ValidationRule[], b: readonly ValidationRule[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) {
    const left = a[i] as ValidationRule;
    const right = b[i] as ValidationRule;
    if (left !== right && left.name !== right.name) return false;
  }
  return true;
}
