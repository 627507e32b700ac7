// Order form: side, limit/market, price, quantity, post-only, optional take-profit / stop-loss (`executeOrder`).
// A typed failure is shown beside the field it names (`InvalidOrder.field`); success clears the form.
import { useMutation } from '@urql/preact';
import { useEffect, useState } from 'preact/hooks';
import { upsertOrder } from '../account/store.ts';
import { trimDecimal } from '../format.ts';
import { PlaceOrderDocument, type ExecuteOrderInput } from '../generated/graphql.ts';
import { pickedPrice, type MarketInfo } from '../state.ts';

type Side = 'BID' | 'ASK';
type Kind = 'LIMIT' | 'MARKET';
type FieldName = 'price' | 'quantity' | 'takeProfitTriggerPrice' | 'stopLossTriggerPrice';

interface Problem {
  /** The input it belongs to, or null for a failure about the order as a whole. */
  readonly field: FieldName | null;
  readonly message: string;
}

const FIELDS: readonly FieldName[] = ['price', 'quantity', 'takeProfitTriggerPrice', 'stopLossTriggerPrice'];
const EMPTY: Record<FieldName, string> = {
  price: '',
  quantity: '',
  takeProfitTriggerPrice: '',
  stopLossTriggerPrice: '',
};

function fieldOf(name: string | null | undefined): FieldName | null {
  return FIELDS.find((field) => field === name) ?? null;
}

function ErrorText({ problem }: { problem: Problem }) {
  return (
    <p class="form-error" data-testid="form-error" role="alert">
      {problem.message}
    </p>
  );
}

export function OrderForm({ market }: { market: MarketInfo }) {
  const symbol = market.symbol ?? '';
  const [side, setSide] = useState<Side>('BID');
  const [kind, setKind] = useState<Kind>('LIMIT');
  const [values, setValues] = useState(EMPTY);
  const [postOnly, setPostOnly] = useState(false);
  const [protect, setProtect] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [placed, setPlaced] = useState<string | null>(null);
  const [state, place] = useMutation(PlaceOrderDocument);

  useEffect(() => {
    setValues(EMPTY);
    setProblem(null);
    setPlaced(null);
  }, [symbol]);
  useEffect(() => {
    const picked = pickedPrice.value;
    if (picked !== null) setValues((current) => ({ ...current, price: picked.price }));
  }, [pickedPrice.value]);

  const input = (name: FieldName, label: string, unit: string | null | undefined) => (
    <label class="field">
      <span class="label">{label}</span>
      <span class="input">
        <input
          name={name}
          inputMode="decimal"
          autocomplete="off"
          value={values[name]}
          aria-invalid={problem?.field === name}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setValues((current) => ({ ...current, [name]: value }));
          }}
        />
        <span class="unit">{unit}</span>
      </span>
      {problem?.field === name ? <ErrorText problem={problem} /> : null}
    </label>
  );

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    setProblem(null);
    setPlaced(null);
    const order: ExecuteOrderInput = {
      symbol,
      side,
      orderType: kind,
      quantity: values.quantity.trim() || null,
      ...(kind === 'LIMIT' ? { price: values.price.trim() || null, postOnly: postOnly || null } : {}),
      ...(protect && values.takeProfitTriggerPrice.trim()
        ? { takeProfitTriggerPrice: values.takeProfitTriggerPrice.trim() }
        : {}),
      ...(protect && values.stopLossTriggerPrice.trim()
        ? { stopLossTriggerPrice: values.stopLossTriggerPrice.trim() }
        : {}),
    };
    const result = await place({ input: order });
    const outcome = result.data?.executeOrder;
    if (outcome?.__typename === 'ExecuteOrderSuccess') {
      if (
        outcome.order.orderType === 'LIMIT' &&
        (outcome.order.status === 'NEW' || outcome.order.status === 'PARTIALLY_FILLED')
      ) {
        upsertOrder(outcome.order);
      }
      setValues(EMPTY);
      setPlaced(
        `${side === 'BID' ? 'Buy' : 'Sell'} order ${outcome.order.id ?? ''} ${(outcome.order.status ?? '').toLowerCase()}`,
      );
      return;
    }
    if (outcome && 'message' in outcome) {
      const field = outcome.__typename === 'InvalidOrder' ? fieldOf(outcome.field) : null;
      setProblem({ field, message: outcome.message ?? outcome.__typename });
      return;
    }
    setProblem({ field: null, message: result.error?.message ?? 'The gateway did not answer' });
  };

  const buy = side === 'BID';
  const rendered = (field: FieldName): boolean =>
    field === 'quantity' || (field === 'price' ? kind === 'LIMIT' : protect);
  return (
    <section class="panel order-form" data-testid="order-form">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div class="segmented sides">
          <button
            type="button"
            data-testid="side-buy"
            class={buy ? 'active buy' : undefined}
            onClick={() => setSide('BID')}
          >
            Buy
          </button>
          <button
            type="button"
            data-testid="side-sell"
            class={buy ? undefined : 'active sell'}
            onClick={() => setSide('ASK')}
          >
            Sell
          </button>
        </div>
        <div class="segmented types">
          <button
            type="button"
            data-testid="type-limit"
            class={kind === 'LIMIT' ? 'active' : undefined}
            onClick={() => setKind('LIMIT')}
          >
            Limit
          </button>
          <button
            type="button"
            data-testid="type-market"
            class={kind === 'MARKET' ? 'active' : undefined}
            onClick={() => setKind('MARKET')}
          >
            Market
          </button>
        </div>
        {kind === 'LIMIT' ? input('price', 'Price', market.quoteSymbol) : null}
        {input('quantity', 'Quantity', market.baseSymbol)}
        <p class="hint muted">
          tick {trimDecimal(market.filters?.price?.tickSize)} · step {trimDecimal(market.filters?.quantity?.stepSize)} ·
          min {trimDecimal(market.filters?.quantity?.minQuantity)}
        </p>
        {kind === 'LIMIT' ? (
          <label class="check">
            <input type="checkbox" name="postOnly" checked={postOnly} onChange={() => setPostOnly(!postOnly)} />
            Post only
          </label>
        ) : null}
        <label class="check">
          <input type="checkbox" name="protect" checked={protect} onChange={() => setProtect(!protect)} />
          Take profit / stop loss
        </label>
        {protect ? input('takeProfitTriggerPrice', 'Take profit trigger', market.quoteSymbol) : null}
        {protect ? input('stopLossTriggerPrice', 'Stop loss trigger', market.quoteSymbol) : null}
        {problem !== null && (problem.field === null || !rendered(problem.field)) ? (
          <ErrorText problem={problem} />
        ) : null}
        <button
          type="submit"
          data-testid="submit-order"
          class={`submit ${buy ? 'buy' : 'sell'}`}
          disabled={state.fetching}
        >
          {buy ? 'Buy' : 'Sell'} {market.baseSymbol}
        </button>
        {placed ? (
          <p class="placed" role="status">
            {placed}
          </p>
        ) : null}
      </form>
    </section>
  );
}
