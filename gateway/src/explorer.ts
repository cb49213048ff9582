import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RouteHandler } from '@rapport/subgraph-kit';

const require = createRequire(import.meta.url);

/** The explorer's assets, served from the project's own node_modules: no CDN, works offline. */
const ASSETS = {
  '/explorer/assets/react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  '/explorer/assets/react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  '/explorer/assets/graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  '/explorer/assets/graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
} as const;

const page = (graphqlPath: string, defaultQuery: string): string => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <title>Rapport explorer</title>
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <link rel="stylesheet" href="/explorer/assets/graphiql.css" />
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
  <script src="/explorer/assets/react.js"></script>
  <script src="/explorer/assets/react-dom.js"></script>
  <script src="/explorer/assets/graphiql.js"></script>
  <script>
    const url = ${JSON.stringify(graphqlPath)};
    const who = document.getElementById('who');
    const show = () => { who.textContent = sessionStorage.getItem('rapport.user') ? 'Signed in as ' + sessionStorage.getItem('rapport.user') + '.' : 'Not signed in.'; };
    const post = async (body, token) => {
      const headers = { 'content-type': 'application/json' };
      if (token) headers.authorization = 'Bearer ' + token;
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
      return response.json();
    };
    document.getElementById('signin').addEventListener('submit', async (event) => {
      event.preventDefault();
      const email = document.getElementById('email').value;
      const result = await post({
        query: 'mutation($input: SignInInput!) { signIn(input: $input) { accessToken user { displayName } } }',
        variables: { input: { email, password: document.getElementById('password').value } },
      });
      if (result.errors) { who.textContent = result.errors[0].message; return; }
      sessionStorage.setItem('rapport.token', result.data.signIn.accessToken);
      sessionStorage.setItem('rapport.user', result.data.signIn.user.displayName);
      document.getElementById('password').value = '';
      show();
      mount();
    });
    document.getElementById('signout').addEventListener('click', () => { sessionStorage.clear(); show(); mount(); });
    show();
    const fetcher = (params) => post(params, sessionStorage.getItem('rapport.token'));
    const root = ReactDOM.createRoot(document.getElementById('explorer'));
    // Mounting anew after signing in or out makes GraphiQL fetch the schema as the new user.
    const mount = () => root.render(
      React.createElement(GraphiQL, { key: String(Date.now()), fetcher, defaultQuery: ${JSON.stringify(defaultQuery)}, defaultEditorToolsVisibility: true }),
    );
    mount();
  </script>
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

/** GET routes of the explorer: the page and its four assets, read once at boot. */
export function explorerRoutes(graphqlPath = '/graphql'): Record<string, RouteHandler> {
  const html = page(graphqlPath, FLAGSHIP_QUERY);
  const routes: Record<string, RouteHandler> = {
    '/explorer': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    },
  };
  for (const [path, asset] of Object.entries(ASSETS)) {
    const body = readFileSync(join(dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file));
    routes[path] = (_req, res) => {
      res.writeHead(200, { 'content-type': `${asset.type}; charset=utf-8`, 'cache-control': 'public, max-age=86400' });
      res.end(body);
    };
  }
  return routes;
}
