// Folding one kind of envelop hook: each run of consecutive plugins that have it becomes one hook, held by a copy of
// the run's first plugin; the others' copies lose it. Order against every other plugin's hook stays as it was.

/**
 * `plugins` with hook `name` of each run of consecutive plain-object plugins folded by `fold` into the first of the run
 * (a copy of it). Plugins without the hook are returned as they are; a class instance (which may keep hooks on its
 * prototype, lost by a copy) stays as it is and ends the run. `copied(original, copy)` is told of every copy, so
 * registries keyed by plugin identity can carry their entry over.
 */
export function foldHookRuns<P extends object, H>(
  plugins: readonly P[],
  name: string,
  fold: (members: readonly H[]) => H,
  copied: (original: P, copy: P) => void,
): P[] {
  const out: P[] = [];
  let head: { copy: P; members: H[] } | undefined;
  const close = (): void => {
    if (head === undefined) return;
    const members = head.members;
    (head.copy as Record<string, unknown>)[name] = members.length === 1 ? members[0] : fold(members);
    head = undefined;
  };
  for (const plugin of plugins) {
    const hook = (plugin as Record<string, unknown>)[name] as H | undefined;
    if (hook === undefined) {
      out.push(plugin);
      continue;
    }
    if (Object.getPrototypeOf(plugin) !== Object.prototype) {
      close();
      out.push(plugin);
      continue;
    }
    const copy = { ...plugin };
    delete (copy as Record<string, unknown>)[name];
    copied(plugin, copy);
    out.push(copy);
    if (head === undefined) head = { copy, members: [hook] };
    else head.members.push(hook);
  }
  close();
  return out;
}
