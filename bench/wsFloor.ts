// What B5 cannot go below: heap + external per idle subscriber of a bare `ws` server on node:http (node's socket and
// ws's WebSocket, receiver and sender, one Map entry), measured the way B5 measures the gateway.
//
//   npx tsx bench/wsFloor.ts [--subscribers 1000]
import { startChild } from './lib/child.ts';
import { openSubscribers } from './lib/subscribers.ts';
import { sleep } from './lib/targets.ts';

const index = process.argv.indexOf('--subscribers');
const COUNT = Number((index >= 0 ? process.argv[index + 1] : undefined) ?? '1000');
const used = (m: NodeJS.MemoryUsage): number => m.heapUsed + m.external;

const server = await startChild<{ url: string }>('idleWs', { exposeGc: true });
try {
  const until = async (count: number): Promise<void> => {
    while ((await server.call<number>('subscribers')) !== count) await sleep(50);
    await sleep(300);
  };
  const first = await openSubscribers(server.info.url, 1, 'subscription { x }');
  await until(1);
  const before = await server.call<NodeJS.MemoryUsage>('memory');
  const many = await openSubscribers(server.info.url, COUNT, 'subscription { x }');
  await until(COUNT + 1);
  const during = await server.call<NodeJS.MemoryUsage>('memory');
  await many.close();
  await first.close();
  console.log(
    `bare ws, ${COUNT} idle subscribers: ${((used(during) - used(before)) / COUNT / 1024).toFixed(2)} KiB each ` +
      `(heap + external, forced GC); RSS ${((during.rss - before.rss) / COUNT / 1024).toFixed(1)} KiB each`,
  );
} finally {
  await server.stop();
}
