// The explorer in the browser: GraphiQL 5 with its Monaco editors, bundled by esbuild at build time
// (`gateway/src/explorer-bundle.ts`) and served by the gateway under /explorer/assets/, so nothing
// comes from a CDN. The page (`gateway/src/explorer.ts`) hands over the GraphQL path and the default
// query in a JSON script element; signing in keeps the token in sessionStorage for the tab.
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';

/** Monaco's web workers, built beside this file as classic scripts (one per language service). */
const WORKERS: Record<string, string> = {
  json: 'json.worker.js',
  graphql: 'graphql.worker.js',
};
(globalThis as { MonacoEnvironment?: { getWorker: (workerId: string, label: string) => Worker } }).MonacoEnvironment = {
  getWorker: (_workerId, label) => new Worker(new URL(WORKERS[label] ?? 'editor.worker.js', import.meta.url), { name: label }),
};

interface ExplorerConfig {
  graphqlPath: string;
  defaultQuery: string;
}
interface GraphQLAnswer {
  data?: { signIn?: { accessToken: string; user: { displayName: string } } } | null;
  errors?: { message: string }[];
}

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the explorer page lacks #${id}`);
  return found as T;
}

const config = JSON.parse(element('rapport-explorer-config').textContent ?? '{}') as ExplorerConfig;
const who = element('who');
const email = element<HTMLInputElement>('email');
const password = element<HTMLInputElement>('password');

async function post<T>(body: unknown, token: string | null): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(config.graphqlPath, { method: 'POST', headers, body: JSON.stringify(body) });
  return (await response.json()) as T;
}

function show(): void {
  const user = sessionStorage.getItem('rapport.user');
  who.textContent = user ? `Signed in as ${user}.` : 'Not signed in.';
}

const root = createRoot(element('explorer'));
const fetcher: GraphiQLProps['fetcher'] = (params) => post(params, sessionStorage.getItem('rapport.token'));
// Mounting anew after signing in or out makes GraphiQL fetch the schema as the new user.
const mount = (): void => root.render(createElement(GraphiQL, { key: String(Date.now()), fetcher, defaultQuery: config.defaultQuery, defaultEditorToolsVisibility: true }));

async function signIn(): Promise<void> {
  const result = await post<GraphQLAnswer>(
    {
      query: 'mutation($input: SignInInput!) { signIn(input: $input) { accessToken user { displayName } } }',
      variables: { input: { email: email.value, password: password.value } },
    },
    null,
  );
  const signedIn = result.data?.signIn;
  if (!signedIn) {
    who.textContent = result.errors?.[0]?.message ?? 'Sign-in failed.';
    return;
  }
  sessionStorage.setItem('rapport.token', signedIn.accessToken);
  sessionStorage.setItem('rapport.user', signedIn.user.displayName);
  password.value = '';
  show();
  mount();
}

element('signin').addEventListener('submit', (event) => {
  event.preventDefault();
  void signIn();
});
element('signout').addEventListener('click', () => {
  sessionStorage.removeItem('rapport.token');
  sessionStorage.removeItem('rapport.user');
  show();
  mount();
});
show();
mount();
