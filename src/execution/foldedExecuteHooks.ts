// The gateway's onExecute hooks folded into one envelop hook per run of consecutive plugins (./foldHookRuns.ts), called in the same order
// with the same payloads, values and stops as envelop's orchestrator gives them.
//
// envelop hands every onExecute hook of every operation a payload with three closures of its own plus a step of its
// async iteration (three closures more), and every onExecuteDone another payload and step. With the gateway's ten such
// hooks that was about 9 KiB of the ~55 KiB an uncached query allocates (allocation profile under B2's TTL-0 load).
// Folded, envelop sees one hook; each member gets a small payload object sharing the fold's closures, and the member
// results are kept in one list per operation.
import type {
  ExecuteFunction,
  OnExecuteDoneEventPayload,
  OnExecuteDoneHookResult,
  OnExecuteDoneHookResultOnEndHook,
  OnExecuteDoneHookResultOnNextHook,
  OnExecuteDoneHookResultOnNextHookPayload,
  OnExecuteEventPayload,
  OnExecuteHook,
  OnExecuteHookResult,
  Plugin,
} from '@envelop/core';
import type { ExecutionResult } from 'graphql';
import { foldHookRuns } from './foldHookRuns.ts';

type Context = unknown;
type Member = OnExecuteHook<Context>;
type MemberResult = void | OnExecuteHookResult<Context>;
type DoneResult = void | OnExecuteDoneHookResult<Context>;
type NextHook = OnExecuteDoneHookResultOnNextHook<Context>;
type EndHook = OnExecuteDoneHookResultOnEndHook;

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}

/** `plugins` with the onExecute hooks of each run of consecutive plugins folded into one (see foldHookRuns). */
export function foldExecuteHooks<P extends Pick<Plugin, 'onExecute'>>(
  plugins: readonly P[],
  copied: (original: P, copy: P) => void = () => undefined,
): P[] {
  return foldHookRuns<P, Member>(plugins, 'onExecute', foldedHook, copied);
}

/** One onExecute hook running `members` in order, as envelop's iteration over them would. */
function foldedHook(members: readonly Member[]): Member {
  return (outer) => new FoldedRun(members, outer).start();
}

/** One operation through the folded members: the shared setters, the stop flag and the members' results. */
class FoldedRun {
  private executeFn: ExecuteFunction;
  private stopped = false;
  private readonly results: OnExecuteHookResult<Context>[] = [];
  private readonly setExecuteFn: (fn: ExecuteFunction) => void;
  private readonly setResultAndStopExecution: (result: ExecutionResult) => void;

  constructor(
    private readonly members: readonly Member[],
    private readonly outer: OnExecuteEventPayload<Context>,
  ) {
    this.executeFn = outer.executeFn;
    this.setExecuteFn = (fn) => {
      this.executeFn = fn;
      outer.setExecuteFn(fn);
    };
    // envelop skips the hooks after the one that stopped (here: the rest of the members and, through the outer stop,
    // every hook after the fold); the results of the ones before still get onExecuteDone.
    this.setResultAndStopExecution = (result) => {
      this.stopped = true;
      outer.setResultAndStopExecution(result);
    };
  }

  start(): MemberResult | Promise<MemberResult> {
    return this.from(0);
  }

  private from(index: number): MemberResult | Promise<MemberResult> {
    const outer = this.outer;
    for (let i = index; i < this.members.length && !this.stopped; i += 1) {
      // A payload per member, as envelop builds, so `executeFn` is the one current when that member ran.
      const returned = (this.members[i] as Member)({
        executeFn: this.executeFn,
        setExecuteFn: this.setExecuteFn,
        setResultAndStopExecution: this.setResultAndStopExecution,
        args: outer.args,
        context: outer.context,
        extendContext: outer.extendContext,
      });
      if (isPromiseLike(returned)) {
        return Promise.resolve(returned).then((result) => {
          this.keep(result);
          return this.from(i + 1);
        });
      }
      this.keep(returned);
    }
    return this.results.length === 0 ? undefined : new FoldedDone(this.results);
  }

  private keep(result: MemberResult): void {
    if (result) this.results.push(result);
  }
}

/** The members' onExecuteDone hooks as one, in order, each seeing the result the ones before it set. */
class FoldedDone implements OnExecuteHookResult<Context> {
  constructor(private readonly results: readonly OnExecuteHookResult<Context>[]) {}

  onExecuteDone(outer: OnExecuteDoneEventPayload<Context>): DoneResult | Promise<DoneResult> {
    const state: DoneState = { result: outer.result, next: [], end: [] };
    const setResult = (result: DoneState['result']): void => {
      state.result = result;
      outer.setResult(result);
    };
    return this.from(0, outer, state, setResult);
  }

  private from(
    index: number,
    outer: OnExecuteDoneEventPayload<Context>,
    state: DoneState,
    setResult: (result: DoneState['result']) => void,
  ): DoneResult | Promise<DoneResult> {
    for (let i = index; i < this.results.length; i += 1) {
      const hooks = this.results[i] as OnExecuteHookResult<Context>;
      // Called as a method, as envelop calls it.
      const returned = hooks.onExecuteDone?.({ args: outer.args, result: state.result, setResult });
      if (isPromiseLike(returned)) {
        return Promise.resolve(returned).then((done) => {
          keepDone(state, done);
          return this.from(i + 1, outer, state, setResult);
        });
      }
      keepDone(state, returned);
    }
    if (state.next.length === 0 && state.end.length === 0) return undefined;
    return {
      ...(state.next.length > 0 ? { onNext: foldedNext(state.next) } : {}),
      ...(state.end.length > 0 ? { onEnd: foldedEnd(state.end) } : {}),
    };
  }
}

interface DoneState {
  result: OnExecuteDoneEventPayload<Context>['result'];
  readonly next: NextHook[];
  readonly end: EndHook[];
}

function keepDone(state: DoneState, done: DoneResult): void {
  if (!done) return;
  if (done.onNext) state.next.push(done.onNext);
  if (done.onEnd) state.end.push(done.onEnd);
}

/** The onNext hooks of a streamed result as one, in order, each seeing the value the ones before it set. */
function foldedNext(hooks: readonly NextHook[]): NextHook {
  return (outer) => {
    let result = outer.result;
    const setResult = (replaced: ExecutionResult): void => {
      result = replaced;
      outer.setResult(replaced);
    };
    const from = (index: number): void | Promise<void> => {
      for (let i = index; i < hooks.length; i += 1) {
        const payload: OnExecuteDoneHookResultOnNextHookPayload<Context> = { args: outer.args, result, setResult };
        const returned = (hooks[i] as NextHook)(payload);
        if (isPromiseLike(returned)) return Promise.resolve(returned).then(() => from(i + 1));
      }
    };
    return from(0);
  };
}

function foldedEnd(hooks: readonly EndHook[]): EndHook {
  return () => {
    for (const hook of hooks) hook();
  };
}
