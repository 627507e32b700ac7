// "Did you mean …" hints name the schema's fields, types, arguments and enum values: with introspection off, the
// schema is not public, so validation and variable coercion leave them out.
import type { Plugin } from '@envelop/core';
import { validate } from 'graphql';

export function useNoSuggestions(): Plugin {
  // Execution arguments reach graphql's variable coercion as given, so the flag set here is the one it reads.
  const hide = ({ args }: { args: object }) => {
    Object.assign(args, { hideSuggestions: true });
  };
  return {
    onValidate({ setValidationFn }) {
      setValidationFn((schema, document, rules) => validate(schema, document, rules, { hideSuggestions: true }));
    },
    onExecute: hide,
    onSubscribe: hide,
  };
}
