import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

let echo: ReturnType<typeof createServer>;
let proxy: TcpProxy;

/** Opens a connection through the proxy and resolves with what the echo server sends back, or the error. */
const roundTrip = (text: string): Promise<string> =>
  new Promise((resolve, reject) => {
    const socket: Socket = connect(proxy.port, proxy.host, () => socket.write(text));
    socket.once('data', (data) => {
      resolve(data.toString());
      socket.end();
    });
    socket.once('error', reject);
  });

beforeAll(async () => {
  echo = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  proxy = await startTcpProxy({ host: '127.0.0.1', port: (echo.address() as AddressInfo).port });
});

afterAll(async () => {
  await proxy.close();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

describe('startTcpProxy', () => {
  it('passes bytes through, refuses connections while cut, resets open ones, and passes again once restored', async () => {
    expect(await roundTrip('before')).toBe('before');
    const open = connect(proxy.port, proxy.host);
    await new Promise((resolve) => open.once('connect', resolve));
    const reset = new Promise<string>((resolve) => open.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? '')).once('close', () => resolve('closed')));

    await proxy.cut();
    expect(await reset).toMatch(/ECONNRESET|closed/);
    await expect(roundTrip('during')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    await proxy.restore();
    expect(await roundTrip('after')).toBe('after');
    expect(proxy.url('postgres://postgres@10.1.2.3:5432/db')).toBe(`postgres://postgres@127.0.0.1:${proxy.port}/db`);
  });
});
