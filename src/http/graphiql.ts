// GraphiQL served entirely by the gateway (no CDN): the page, its bundle, styles and editor workers, with the example
// operations of schema/operations/ offered as tabs and subscriptions over graphql-ws on the GraphQL path.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, visit, type DocumentNode } from 'graphql';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';
import { PROJECT_ROOT } from '../projectRoot.ts';
import { withNativeHooks } from './native/hooks.ts';

/** Where the page loads its assets from (same origin; versioned so browsers may keep them). */
const GRAPHIQL_ASSET_PATH = '/graphiql/assets/5.24.1';

const OPERATIONS_DIR = join(PROJECT_ROOT, 'schema/operations');
// Example values for the variables the operations share, so a preset tab runs as opened.
const EXAMPLE_VARIABLES: Readonly<Record<string, unknown>> = { symbol: 'SOL_USDC', limit: 5 };

const LIVE_TICKER_TAB = `# Live best bid and ask of SOL_USDC over graphql-ws: press run and watch it update.
subscription LiveBookTicker {
  bookTicker(symbol: "SOL_USDC") { symbol bestBidPrice bestAskPrice }
}
`;

interface Tab {
  readonly query: string;
  readonly variables?: string;
}

function fragmentsUsed(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  visit(document, { FragmentSpread: (node) => void names.add(node.name.value) });
  return names;
}

/**
 * One tab per example operation, each with the fragments it spreads (transitively) appended so it runs on its own,
 * and example values for the variables it declares.
 */
export function exampleTabs(dir: string = OPERATIONS_DIR): Tab[] {
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(`${dir}/${name}`, 'utf8'));
  const fragments = new Map<string, string>();
  const operations: { text: string; document: DocumentNode }[] = [];
  for (const text of files) {
    const document = parse(text);
    const definitions = document.definitions;
    if (definitions.every((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)) {
      for (const definition of definitions) fragments.set(definition.name.value, text);
    } else {
      operations.push({ text, document });
    }
  }
  return operations.map(({ text, document }) => {
    const appended = new Set<string>();
    let pending = [...fragmentsUsed(document)];
    while (pending.length > 0) {
      const next: string[] = [];
      for (const name of pending) {
        const fragment = fragments.get(name);
        if (fragment === undefined || appended.has(fragment)) continue;
        appended.add(fragment);
        next.push(...fragmentsUsed(parse(fragment)));
      }
      pending = next;
    }
    const variables: Record<string, unknown> = {};
    visit(document, {
      VariableDefinition: (node) => {
        const name = node.variable.name.value;
        if (name in EXAMPLE_VARIABLES) variables[name] = EXAMPLE_VARIABLES[name];
      },
    });
    return {
      query: [text, ...appended].join('\n'),
      ...(Object.keys(variables).length > 0 ? { variables: JSON.stringify(variables, null, 2) } : {}),
    };
  });
}

/** The startup banner's note on what the gateway URL offers: GraphiQL only when it is served (GATEWAY_GRAPHIQL). */
export function gatewayOffers(graphiql: boolean): string {
  return graphiql
    ? '(GraphiQL in a browser; graphql-ws on the same URL)'
    : '(GraphQL over HTTP and graphql-ws; GraphiQL is off)';
}

/** GraphiQL's options: the default query first, then the live-ticker subscription, then the example operations. */
export function graphiqlOptions(defaultQuery: string): GraphiQLOptions {
  return {
    title: 'Backpack GraphQL',
    defaultQuery,
    defaultTabs: [{ query: defaultQuery }, { query: LIVE_TICKER_TAB }, ...exampleTabs()],
    subscriptionsProtocol: 'WS',
    favicon: `${GRAPHIQL_ASSET_PATH}/favicon.ico`,
  };
}

/** Inside <script type="application/json">: `<` escaped so no value can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The page: only same-origin assets, options as inert JSON read by the boot script. */
export function renderGraphiQL(options: GraphiQLOptions): string {
  const title = (options.title ?? 'GraphiQL').replace(/[<>&"]/g, '');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${title}</title>
    <link rel="icon" href="${GRAPHIQL_ASSET_PATH}/favicon.ico" />
    <link rel="stylesheet" href="${GRAPHIQL_ASSET_PATH}/graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run GraphiQL.</noscript>
    <div id="root"></div>
    <script id="graphiql-options" type="application/json">${scriptJson(options)}</script>
    <script src="${GRAPHIQL_ASSET_PATH}/boot.js"></script>
    <script src="${GRAPHIQL_ASSET_PATH}/graphiql.js"></script>
    <script src="${GRAPHIQL_ASSET_PATH}/start.js"></script>
  </body>
</html>
`;
}

// Before the bundle: tell Monaco where its workers are. After it: render with the page's options.
const BOOT_JS = `self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (moduleId, label) {
    return '${GRAPHIQL_ASSET_PATH}/worker-' + (label === 'json' || label === 'graphql' ? label : 'editor') + '.js';
  },
};
`;
const START_JS = `YogaGraphiQL.renderYogaGraphiQL(
  document.querySelector('#root'),
  JSON.parse(document.getElementById('graphiql-options').textContent),
);
`;

interface Asset {
  readonly type: string;
  readonly body: string | Uint8Array<ArrayBuffer>;
}

async function loadAssets(): Promise<ReadonlyMap<string, Asset>> {
  // ~9 MB of strings: loaded on the first GraphiQL request only.
  const bundle = await import('@graphql-yoga/render-graphiql/graphiql');
  const js = 'text/javascript; charset=utf-8';
  const icon = Buffer.from(bundle.favicon.slice(bundle.favicon.indexOf(',') + 1), 'base64');
  return new Map<string, Asset>([
    ['boot.js', { type: js, body: BOOT_JS }],
    ['start.js', { type: js, body: START_JS }],
    ['graphiql.js', { type: js, body: bundle.js }],
    ['graphiql.css', { type: 'text/css; charset=utf-8', body: bundle.css }],
    ['worker-editor.js', { type: js, body: bundle.editorWorkerService }],
    ['worker-json.js', { type: js, body: bundle.jsonWorker }],
    ['worker-graphql.js', { type: js, body: bundle.graphqlWorker }],
    ['favicon.ico', { type: 'image/x-icon', body: new Uint8Array(icon) }],
  ]);
}

/** Answers GET GRAPHIQL_ASSET_PATH/<name> with GraphiQL's own files; 404 for any other name under it. */
export function useGraphiQLAssets(): Plugin {
  let assets: Promise<ReadonlyMap<string, Asset>> | undefined;
  return withNativeHooks<Plugin>(
    {
      onRequest({ request, url, endResponse, fetchAPI }) {
        if (!url.pathname.startsWith(`${GRAPHIQL_ASSET_PATH}/`)) return;
        if (request.method !== 'GET' && request.method !== 'HEAD') {
          endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
          return;
        }
        assets ??= loadAssets();
        const name = url.pathname.slice(GRAPHIQL_ASSET_PATH.length + 1);
        return assets.then((loaded) => {
          const asset = loaded.get(name);
          endResponse(
            asset === undefined
              ? new fetchAPI.Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } })
              : new fetchAPI.Response(asset.body, {
                  status: 200,
                  // The path carries the bundle's version, so a browser may keep the file.
                  headers: { 'content-type': asset.type, 'cache-control': 'public, max-age=86400, immutable' },
                }),
          );
        });
      },
    },
    { accepts: (request) => !request.pathname.startsWith(`${GRAPHIQL_ASSET_PATH}/`) },
  );
}
