// @defer / @stream (yoga's plugin), with its validation rules added from a list built once instead of per request.
import type { Plugin } from '@envelop/core';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import type { ValidationRule } from 'graphql';

/**
 * The plugin's onValidate filters the rule list and adds its four rules on every request, about 1.5 % of an uncached
 * query's CPU (bench B1U, mostly reading each rule's `name`). Its filter only reassigns its own copy of the params
 * (envelop validates with the rules it was handed plus those added), so what it does is add those rules: recorded once
 * here, then added as they are.
 */
export function useIncrementalDelivery(): Plugin {
  const plugin = useDeferStream() as Plugin;
  const original = plugin.onValidate;
  if (original === undefined) return plugin;
  const added: ValidationRule[] = [];
  void original({
    params: { rules: [] },
    addValidationRule: (rule: ValidationRule) => void added.push(rule),
  } as unknown as Parameters<typeof original>[0]);
  return {
    ...plugin,
    onValidate({ addValidationRule }) {
      for (const rule of added) addValidationRule(rule);
    },
  };
}
