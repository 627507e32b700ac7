// Folded onExecute hooks behave as envelop's own iteration over them: every scenario runs twice, through envelop with
// the plugins as given and with their hooks folded, and both runs must log and answer the same.
import { envelop, useEngine, useSchema, type Plugin } from '@envelop/core';
import { buildSchema, execute, parse, subscribe, validate, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { foldExecuteHooks } from '../../src/execution/foldedExecuteHooks.ts';

const schema = buildSchema('type Query { hello: String }');
const rootValue = { hello: 'hi' };

type Log = string[];
type Scenario = (log: Log) => Plugin[];

async function run(plugins: Plugin[]): Promise<unknown> {
  const getEnveloped = envelop({
    plugins: [useEngine({ parse, validate, execute, subscribe }), useSchema(schema), ...plugins],
  });
  const { execute: run, contextFactory } = getEnveloped({});
  const result = await run({ schema, document: parse('{ hello }'), rootValue, contextValue: await contextFactory() });
  if (typeof result === 'object' && result !== null && Symbol.asyncIterator in result) {
    const values: unknown[] = [];
    for await (const value of result as AsyncIterable<unknown>) values.push(value);
    return values;
  }
  return result;
}

/** The scenario through envelop as given and folded: both logs and results, plus the folded plugin list. */
async function both(scenario: Scenario): Promise<{ given: [Log, unknown]; folded: [Log, unknown]; list: Plugin[] }> {
  const givenLog: Log = [];
  const given = await run(scenario(givenLog));
  const foldedLog: Log = [];
  const list = foldExecuteHooks(scenario(foldedLog));
  const folded = await run(list);
  return { given: [givenLog, given], folded: [foldedLog, folded], list };
}

/** A member that logs, wraps the executor it is given (tagging the result) and marks the result when done. */
function wrapping(name: string, log: Log): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn, context }) {
      log.push(`${name} before (context ${JSON.stringify(context)})`);
      setExecuteFn(async (args: ExecutionArgs) => {
        log.push(`${name} executes`);
        const result = (await executeFn(args)) as ExecutionResult;
        return { ...result, extensions: { ...result.extensions, [name]: true } };
      });
      return {
        onExecuteDone({ result, setResult }) {
          log.push(`${name} done: ${JSON.stringify(result)}`);
          setResult({ ...(result as ExecutionResult), extensions: { by: name } });
        },
      };
    },
  };
}

describe('folded onExecute hooks', () => {
  it('run in order, each wrapping the executor the ones before it set, and chain their results', async () => {
    const { given, folded, list } = await both((log) => [
      wrapping('a', log),
      { onExecute: ({ extendContext }) => extendContext({ extended: 1 }) },
      wrapping('b', log),
      wrapping('c', log),
    ]);
    expect(folded).toEqual(given);
    expect(given[0]).toContain('c before (context {"extended":1})');
    expect((given[1] as ExecutionResult).extensions).toEqual({ by: 'c' });
    // One hook left for envelop: the first plugin's copy holds it.
    expect(list.filter((plugin) => plugin.onExecute !== undefined)).toHaveLength(1);
  });

  it('stop at the member that sets a result: no later hook or executor runs, earlier ones still see it done', async () => {
    const scenario: Scenario = (log) => [
      wrapping('a', log),
      {
        onExecute({ setResultAndStopExecution }) {
          log.push('stopper');
          setResultAndStopExecution({ data: { hello: 'stopped' } });
        },
      },
      wrapping('b', log),
    ];
    const { given, folded } = await both(scenario);
    expect(folded).toEqual(given);
    expect(given[0]).toEqual(['a before (context {})', 'stopper', 'a done: {"data":{"hello":"stopped"}}']);
  });

  it('wait for members that answer with a promise, in order', async () => {
    const slow = (name: string, log: Log): Plugin => ({
      async onExecute() {
        await new Promise((resolve) => setTimeout(resolve, 5));
        log.push(`${name} (async)`);
        return {
          async onExecuteDone({ result, setResult }) {
            await new Promise((resolve) => setTimeout(resolve, 5));
            log.push(`${name} done (async)`);
            setResult({ ...(result as ExecutionResult), extensions: { async: name } });
          },
        };
      },
    });
    const { given, folded } = await both((log) => [slow('a', log), wrapping('b', log), slow('c', log)]);
    expect(folded).toEqual(given);
    expect((given[1] as ExecutionResult).extensions).toEqual({ async: 'c' });
  });

  it('apply onNext in order to every value of a streamed result, then onEnd once each', async () => {
    const streaming = (): Plugin => ({
      onExecute({ setExecuteFn }) {
        setExecuteFn(async function* () {
          yield { data: { hello: 'one' } };
          yield { data: { hello: 'two' } };
        } as unknown as typeof execute);
      },
    });
    const hooked = (name: string, log: Log): Plugin => ({
      onExecute: () => ({
        onExecuteDone: () => ({
          onNext({ result, setResult }) {
            log.push(`${name} next ${JSON.stringify(result)}`);
            setResult({ ...(result as ExecutionResult), extensions: { last: name } });
          },
          onEnd: () => log.push(`${name} end`),
        }),
      }),
    });
    const { given, folded } = await both((log) => [streaming(), hooked('a', log), hooked('b', log)]);
    expect(folded).toEqual(given);
    expect(given[0]).toHaveLength(6);
    expect(given[1]).toEqual([
      { data: { hello: 'one' }, extensions: { last: 'b' } },
      { data: { hello: 'two' }, extensions: { last: 'b' } },
    ]);
  });

  it('leave plugins without onExecute as they are and end a run at a class instance', async () => {
    class Counted {
      onExecute(): void {
        // on the prototype: a copy would lose it
      }
    }
    const plain: Plugin = { onParse: () => undefined };
    const instance = new Counted() as Plugin;
    const copies: Plugin[] = [];
    const members: Plugin[] = [{ onExecute: () => undefined }, plain, instance, { onExecute: () => undefined }];
    const list = foldExecuteHooks(members, (_original, copy) => copies.push(copy));
    expect(list[1]).toBe(plain);
    expect(list[2]).toBe(instance);
    expect(copies).toEqual([list[0], list[3]]);
    // Each side of the instance keeps its own hook, so the order around it is unchanged.
    expect(list.map((plugin) => typeof plugin.onExecute)).toEqual(['function', 'undefined', 'function', 'function']);
    const { given, folded } = await both((log) => [
      wrapping('a', log),
      Object.assign(Object.create({ onExecute: () => void log.push('instance') }) as Plugin, {}),
      wrapping('b', log),
      wrapping('c', log),
    ]);
    expect(folded).toEqual(given);
    expect(given[0]).toContain('instance');
  });
});
