import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RouteHandler } from '@rapport/subgraph-kit';
import { buildExplorerBundle, EXPLORER_ASSETS, EXPLORER_BUNDLE_DIR, type ExplorerAsset } from './explorer-bundle.js';

/** Characters that would end the JSON script element early or be read as markup. */
const escapeJsonForHtml = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** The page: the sign-in bar, the explorer's mount point and its settings; the script is the bundle (explorer/app.ts). */
const page = (graphqlPath: string, defaultQuery: string): string => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Rapport explorer</title>
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <link rel="stylesheet" href="/explorer/assets/app.css" />
  <style>
    html, body { height: 100%; margin: 0; font-family: system-ui, sans-serif; }
    body { display: flex; flex-direction: column; }
    #signin { display: flex; gap: 8px; align-items: center; padding: 6px 10px; border-bottom: 1px solid #ddd; font-size: 14px; }
    #signin input { padding: 3px 6px; }
    #explorer { flex: 1; min-height: 0; }
  </style>
</head>
<body>
  <form id="signin">
    <strong>Rapport</strong>
    <span id="who">Not signed in.</span>
    <input id="email" type="email" placeholder="email" autocomplete="username" />
    <input id="password" type="password" placeholder="password" autocomplete="current-password" />
    <button type="submit">Sign in</button>
    <button type="button" id="signout">Sign out</button>
  </form>
  <div id="explorer">Loading the Rapport explorer…</div>
  <script type="application/json" id="rapport-explorer-config">${escapeJsonForHtml({ graphqlPath, defaultQuery })}</script>
  <script type="module" src="/explorer/assets/app.js"></script>
</body>
</html>`;

export const FLAGSHIP_QUERY = `# A rep's customers with everything open on each, from every subgraph.
query RepCustomers($ownerId: ID) {
  customers(filter: { ownerId: $ownerId }, first: 10) {
    edges {
      node {
        name
        owner { displayName }
        openTickets { number subject priority status }
        openOpportunities { title amount { amount currency } stage { name probability } }
        openOrders { number total { amount currency } delivery { status } }
        overdueReceivables { totals { amount currency } invoices { number dueDate balance { amount currency } } }
      }
    }
  }
}
`;

/**
 * GET routes of the explorer: the page, and the bundle's files (GraphiQL 5, React, Monaco and its
 * workers) from `dist/explorer/`. A gateway run from source builds a missing or stale bundle on the
 * first request for one of them (esbuild, a few seconds), never at boot; each file is read once.
 */
export function explorerRoutes(graphqlPath = '/graphql'): Record<string, RouteHandler> {
  const html = page(graphqlPath, FLAGSHIP_QUERY);
  let bundle: Promise<unknown> | undefined;
  const files = new Map<ExplorerAsset, Promise<Buffer>>();
  const read = (file: ExplorerAsset): Promise<Buffer> => {
    let body = files.get(file);
    if (!body) {
      // A failed build is tried again by the next request rather than remembered.
      bundle ??= buildExplorerBundle().catch((error: unknown) => {
        bundle = undefined;
        throw error;
      });
      body = bundle.then(() => readFile(join(EXPLORER_BUNDLE_DIR, file)));
      body.catch(() => files.delete(file));
      files.set(file, body);
    }
    return body;
  };
  const routes: Record<string, RouteHandler> = {
    '/explorer': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    },
  };
  for (const [file, type] of Object.entries(EXPLORER_ASSETS) as [ExplorerAsset, string][]) {
    routes[`/explorer/assets/${file}`] = async (_req, res) => {
      const body = await read(file);
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'public, max-age=86400' });
      res.end(body);
    };
  }
  return routes;
}
