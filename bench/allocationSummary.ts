// Summarises a V8 sampling heap profile (bench/lib/profiler.ts `allocationStop`): bytes allocated per function and per
// package / source file over the window, per request when the request count is given.
// Usage: npx tsx bench/allocationSummary.ts <file.heapprofile> [top=25] [requests]
import { readFileSync } from 'node:fs';
import { sourceArea } from './lib/sourceArea.ts';

interface AllocationNode {
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly selfSize: number;
  readonly children: readonly AllocationNode[];
}

const [file, topArg, requestsArg] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: allocationSummary.ts <file.heapprofile> [top] [requests]');
const top = Number(topArg ?? 25);
const requests = Number(requestsArg ?? 0);
const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: AllocationNode };

const functions = new Map<string, number>();
const areas = new Map<string, number>();
let total = 0;
const walk = (node: AllocationNode): void => {
  const { functionName, url, lineNumber } = node.callFrame;
  if (node.selfSize > 0) {
    total += node.selfSize;
    const name = `${functionName || '(anonymous)'} ${sourceArea(url)}:${lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + node.selfSize);
    areas.set(sourceArea(url), (areas.get(sourceArea(url)) ?? 0) + node.selfSize);
  }
  for (const child of node.children) walk(child);
};
walk(head);
const size = (bytes: number): string =>
  requests > 0
    ? `${(bytes / requests / 1024).toFixed(2).padStart(8)} KiB/req`
    : `${(bytes / 2 ** 20).toFixed(1).padStart(8)} MiB`;
const print = (title: string, entries: Map<string, number>): void => {
  process.stdout.write(`\n${title}\n`);
  for (const [name, bytes] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top))
    process.stdout.write(`${((bytes / total) * 100).toFixed(1).padStart(5)} %  ${size(bytes)}  ${name}\n`);
};
process.stdout.write(`${file}: ${size(total)} allocated in all\n`);
print('by area', areas);
print('by function', functions);
