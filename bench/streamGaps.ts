// Events lost across exchange-socket kills: `npx tsx bench/streamGaps.ts [runs]`. Runs the scenario (a relay
// killing the gateway's exchange socket every 4 s and refusing reconnects for 1 s, ~68 orders and the trades
// they make) and prints, per run, the orders whose final state `orderUpdates` never delivered and the trade ids
// `trades` never delivered, next to duplicates and in-band gap notices.
import { runStreamGapScenario } from '../test/support/streamGapScenario.ts';

const runs = Number(process.argv[2] ?? 3);
for (let run = 1; run <= runs; run += 1) {
  const result = await runStreamGapScenario();
  const { orders, trades } = result;
  console.log(
    [
      `run ${run}: ${result.kills} kills`,
      `orders: ${orders.finalStateMissing.length} of ${orders.placed} final states lost ` +
        `(${orders.placedWhileDown} placed while down), ${orders.duplicates.length} duplicate events, ` +
        `${orders.outOfOrder.length} out of order, ${orders.gapNotices} gap notices`,
      `trades: ${trades.missing.length} of ${trades.expected} lost, ${trades.duplicates} duplicates, ` +
        `${trades.inOrder ? 'in order' : 'OUT OF ORDER'}, ${trades.gapNotices} gap notices`,
    ].join(' | '),
  );
}
