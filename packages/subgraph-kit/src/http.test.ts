import { request as httpRequest, type Server } from 'node:http';
import { connect } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeServer, createHttpApp, listen } from './http.js';

// createHttpApp on a one-field schema: how a GraphQL request's body and target are read.
const LIMIT = 1_000;
const handled: string[] = [];
let server: Server;
let port = 0;

beforeAll(async () => {
  const apollo = new ApolloServer({ typeDefs: 'type Query { echo(text: String!): String! }', resolvers: { Query: { echo: (_: unknown, { text }: { text: string }) => text } } });
  await apollo.start();
  server = createHttpApp({
    apollo,
    context: async () => ({}),
    logger: pino({ level: 'silent' }),
    ready: async () => ({ ok: true }),
    maxBodyBytes: LIMIT,
    handle: (_req, res, url) => {
      handled.push(`${url.pathname}${url.search}`);
      if (url.pathname !== '/files') return false;
      res.end(url.searchParams.get('name') ?? '');
      return true;
    },
  });
  port = Number(new URL(await listen(server, 0, '127.0.0.1')).port);
});

afterAll(async () => {
  await closeServer(server);
});

/** Sends `chunks` as the body of a POST to `path`, one write each, a few milliseconds apart. */
function post(path: string, chunks: readonly (string | Buffer)[], method = 'POST'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    const send = (i: number): void => {
      if (i === chunks.length) return void req.end();
      req.write(chunks[i]);
      setTimeout(() => send(i + 1), 5);
    };
    send(0);
  });
}

describe('createHttpApp', () => {
  it('reads a GraphQL body that arrives in several chunks, a character split between two of them', async () => {
    const text = JSON.stringify({ query: '{ echo(text: "zwölf Äpfel") }' });
    const bytes = Buffer.from(text);
    const split = bytes.indexOf(Buffer.from('ö')) + 1; // inside the two bytes of ö
    const raw = await post('/graphql', [bytes.subarray(0, split), bytes.subarray(split)]);
    expect(raw.status).toBe(200);
    expect(JSON.parse(raw.body)).toEqual({ data: { echo: 'zwölf Äpfel' } });
  });

  it('answers a GraphQL request whose target has a query string or dot segments as new URL reads it', async () => {
    const body = JSON.stringify({ query: '{ echo(text: "a") }' });
    expect((await post('/graphql?x=1', [body])).status).toBe(200);
    expect((await post('/other/../graphql', [body])).status).toBe(200);
    expect((await post('/graphql/', [body])).status).toBe(404);
  });

  it('reads GET parameters from the query string', async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: `/graphql?query=${encodeURIComponent('{ echo(text: "got") }')}`, headers: { 'apollo-require-preflight': 'true' } },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { echo: 'got' } });
  });

  it("gives the service's handler every path but GraphQL's, with its URL", async () => {
    handled.length = 0;
    expect(await post('/files?name=a%20b', [''], 'GET')).toEqual({ status: 200, body: 'a b' });
    expect((await post('/nothing', [''])).status).toBe(404);
    await post('/graphql', [JSON.stringify({ query: '{ echo(text: "a") }' })]);
    expect(handled).toEqual(['/files?name=a%20b', '/nothing']);
  });

  it('stops reading a GraphQL body past the limit and answers 413', async () => {
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${LIMIT * 4}\r\n\r\n`);
        socket.write('x'.repeat(LIMIT * 2));
      });
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk.toString();
        if (received.includes('"errors"')) {
          socket.destroy();
          resolve(`answered:${received}`);
        }
      });
      socket.on('error', () => resolve(`error:${received}`));
      socket.on('close', () => resolve(`closed:${received}`));
    });
    expect(outcome).toMatch(/^answered:HTTP\/1\.1 413 /);
    expect(outcome).toContain('request body exceeds 1000 bytes');
  });
});
