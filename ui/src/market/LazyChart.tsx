// The chart loads lightweight-charts as its own chunk, so the market list and the book subscribe without waiting
// for the charting library's download and parse.
import { useEffect, useState } from 'preact/hooks';
import type { MarketInfo } from '../state.ts';
import type { Chart as ChartComponent } from './Chart.tsx';

export function LazyChart({ market }: { market: MarketInfo }) {
  const [Chart, setChart] = useState<typeof ChartComponent | null>(null);
  useEffect(() => {
    void import('./Chart.tsx').then((module) => setChart(() => module.Chart));
  }, []);
  if (Chart !== null) return <Chart market={market} />;
  return (
    <section class="panel chart" data-testid="chart" data-candles="0">
      <h2>Chart</h2>
    </section>
  );
}
