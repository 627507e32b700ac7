// Live data: every subscription field and `streamStatus`. One import in ../index.ts registers them all.
import './tickers.ts';
import './trades.ts';
import './orderBook.ts';
import './orders.ts';
import './account.ts';
import './status.ts';
