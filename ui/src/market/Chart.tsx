// Candlestick chart (TradingView lightweight-charts): `klines` history, then the `klines` subscription's live candle.
import { useQuery, useSubscription } from '@urql/preact';
import {
  CandlestickSeries,
  ColorType,
  createChart,
  HistogramSeries,
  type CandlestickData,
  type IChartApi,
  type ISeriesApi,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CandlesDocument, CandlesLiveDocument, type KlineInterval } from '../generated/graphql.ts';
import type { MarketInfo } from '../state.ts';

const INTERVALS: readonly { label: string; value: KlineInterval; seconds: number }[] = [
  { label: '1m', value: 'ONE_MINUTE', seconds: 60 },
  { label: '5m', value: 'FIVE_MINUTES', seconds: 300 },
  { label: '15m', value: 'FIFTEEN_MINUTES', seconds: 900 },
  { label: '1h', value: 'ONE_HOUR', seconds: 3_600 },
  { label: '4h', value: 'FOUR_HOURS', seconds: 14_400 },
  { label: '1d', value: 'ONE_DAY', seconds: 86_400 },
];
const HISTORY_CANDLES = 240;
const UP = '#26a69a';
const DOWN = '#ef5350';

interface Candle {
  start: string | null;
  open: string | null;
  high: string | null;
  low: string | null;
  close: string | null;
  volume: string | null;
}

/** Chart coordinates are numbers by the library's design; the page never sends them back. */
function toBar(candle: Candle): (CandlestickData<UTCTimestamp> & { volume: number }) | null {
  if (!candle.start) return null;
  const time = Math.floor(new Date(candle.start).getTime() / 1000) as UTCTimestamp;
  return {
    time,
    open: Number(candle.open),
    high: Number(candle.high),
    low: Number(candle.low),
    close: Number(candle.close),
    volume: Number(candle.volume ?? 0),
  };
}

function volumeBar(bar: ReturnType<typeof toBar> & object) {
  return { time: bar.time, value: bar.volume, color: bar.close >= bar.open ? `${UP}66` : `${DOWN}66` };
}

export function Chart({ market }: { market: MarketInfo }) {
  const symbol = market.symbol ?? '';
  const [interval, setInterval] = useState<(typeof INTERVALS)[number]>(INTERVALS[0]!);
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const candles = useRef<ISeriesApi<'Candlestick'> | null>(null);
  const volumes = useRef<ISeriesApi<'Histogram'> | null>(null);
  const [drawn, setDrawn] = useState(0);
  // Fixed per interval choice so that the query's variables (and so its result) stay put between renders.
  const from = useMemo(
    () => new Date(Date.now() - HISTORY_CANDLES * interval.seconds * 1000).toISOString(),
    [interval],
  );
  const [history] = useQuery({ query: CandlesDocument, variables: { symbol, interval: interval.value, from } });
  const [live] = useSubscription({ query: CandlesLiveDocument, variables: { symbol, interval: interval.value } });

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    const created = createChart(element, {
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: 'transparent' },
        textColor: '#8b93a7',
        fontFamily: 'inherit',
        attributionLogo: false,
      },
      grid: { vertLines: { color: '#1d2230' }, horzLines: { color: '#1d2230' } },
      rightPriceScale: { borderColor: '#262c3b' },
      timeScale: { borderColor: '#262c3b', timeVisible: true, secondsVisible: false, barSpacing: 10, rightOffset: 4 },
      crosshair: { mode: 0 },
    });
    candles.current = created.addSeries(CandlestickSeries, {
      upColor: UP,
      downColor: DOWN,
      borderVisible: false,
      wickUpColor: UP,
      wickDownColor: DOWN,
    });
    volumes.current = created.addSeries(HistogramSeries, {
      priceScaleId: 'volume',
      priceFormat: { type: 'volume' },
      lastValueVisible: false,
      priceLineVisible: false,
    });
    created.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    chart.current = created;
    return () => {
      created.remove();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const bars = (history.data?.klines ?? []).map(toBar).filter((bar) => bar !== null);
    bars.sort((a, b) => a.time - b.time);
    candles.current?.setData(bars);
    volumes.current?.setData(bars.map(volumeBar));
    chart.current?.timeScale().scrollToRealTime();
    setDrawn(bars.length);
  }, [history.data]);

  useEffect(() => {
    const update = live.data?.klines;
    const bar = update ? toBar(update) : null;
    if (bar === null || candles.current === null) return;
    const last = candles.current.data().at(-1);
    if (last !== undefined && bar.time < (last.time as UTCTimestamp)) return;
    candles.current.update(bar);
    volumes.current?.update(volumeBar(bar));
    setDrawn(candles.current.data().length);
  }, [live.data]);

  return (
    <section class="panel chart" data-testid="chart" data-candles={drawn}>
      <div class="chart-bar">
        <h2>Chart</h2>
        <div class="segmented">
          {INTERVALS.map((choice) => (
            <button
              key={choice.value}
              type="button"
              class={choice.value === interval.value ? 'active' : undefined}
              onClick={() => setInterval(choice)}
            >
              {choice.label}
            </button>
          ))}
        </div>
      </div>
      <div class="chart-canvas" ref={container} />
    </section>
  );
}
