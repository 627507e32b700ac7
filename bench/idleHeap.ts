// What one idle subscriber holds in the gateway: heap snapshots (after forced GC) with 1 and 1 + N idle `ticker`
// subscriptions, objects grouped by constructor, the difference divided by N, largest first.
//
//   npx tsx bench/idleHeap.ts [--subscribers 1000] [--top 40] [--keep]   (--keep: leave the two snapshots in the tmpdir)
import { readFileSync, rmSync } from 'node:fs';
import { B5_SUBSCRIPTION } from './b5Memory.ts';
import { openSubscribers } from './lib/subscribers.ts';
import { sleep, startGateway, type GatewayProcess } from './lib/targets.ts';
import { startStubRest, StubStreams } from './lib/upstream.ts';

function option(name: string, fallback: string): number {
  const index = process.argv.indexOf(`--${name}`);
  return Number((index >= 0 ? process.argv[index + 1] : undefined) ?? fallback);
}
const COUNT = option('subscribers', '1000');
const TOP = option('top', '40');

interface Group {
  count: number;
  bytes: number;
}

/** Self size and count per `type:name` (constructor for objects, "(closure) f" for functions …). */
function groups(path: string): Map<string, Group> {
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((field) => fields.indexOf(field)) as [
    number,
    number,
    number,
  ];
  const result = new Map<string, Group>();
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt] ?? 0] ?? '?';
    const name = snapshot.strings[snapshot.nodes[i + nameAt] ?? 0] ?? '?';
    // Strings and code are grouped by kind, not by content.
    const key = type === 'object' || type === 'closure' || type === 'native' ? `${type} ${name.slice(0, 60)}` : type;
    const group = result.get(key) ?? { count: 0, bytes: 0 };
    group.count += 1;
    group.bytes += snapshot.nodes[i + sizeAt] ?? 0;
    result.set(key, group);
  }
  return result;
}

async function active(gateway: GatewayProcess): Promise<number> {
  return (await gateway.call<{ subscriptions: { active: number } } | null>('hub'))?.subscriptions.active ?? 0;
}

async function until(gateway: GatewayProcess, count: number): Promise<void> {
  while ((await active(gateway)) !== count) await sleep(50);
  await sleep(300);
}

const rest = await startStubRest(0);
const stub = await StubStreams.start();
const gateway = await startGateway(rest.url, { wsUrl: stub.url, exposeGc: true });
try {
  const url = gateway.info.url.replace(/^http/, 'ws');
  const first = await openSubscribers(url, 1, B5_SUBSCRIPTION);
  await until(gateway, 1);
  const before = await gateway.call<string>('heapSnapshot');
  const many = await openSubscribers(url, COUNT, B5_SUBSCRIPTION);
  await until(gateway, COUNT + 1);
  const during = await gateway.call<string>('heapSnapshot');
  await many.close();
  await first.close();
  const a = groups(before);
  const b = groups(during);
  if (process.argv.includes('--keep')) console.log(`snapshots kept: ${before} ${during}`);
  else for (const path of [before, during]) rmSync(path);
  const rows = [...b]
    .map(([key, group]) => {
      const base = a.get(key) ?? { count: 0, bytes: 0 };
      return { key, count: (group.count - base.count) / COUNT, bytes: (group.bytes - base.bytes) / COUNT };
    })
    .sort((x, y) => y.bytes - x.bytes);
  const total = rows.reduce((sum, row) => sum + row.bytes, 0);
  console.log(`heap per idle subscriber (${COUNT} subscribers): ${total.toFixed(0)} B in all; largest groups:`);
  console.log(`${'bytes'.padStart(8)} ${'objects'.padStart(8)}  type / constructor`);
  for (const row of rows.slice(0, TOP))
    console.log(`${row.bytes.toFixed(0).padStart(8)} ${row.count.toFixed(2).padStart(8)}  ${row.key}`);
} finally {
  await gateway.stop();
  await stub.close();
  await rest.close();
}
