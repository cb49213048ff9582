// The process that runs the gateway for `gateway-alone.bench.ts`, and nothing else: the bench forks
// it and asks it over IPC to start a gateway, to answer its own CPU time, to profile itself and to
// stop. Only type-stripping syntax and no relative imports at run time, so that a built gateway
// (GATEWAY_MODULE=…/dist/create-gateway.js) runs under plain `node --conditions=rapport-dist` as in
// the built start, without tsx's module hooks (they run on every `require`, and Apollo Server calls
// `module.require('crypto')` for each request's query hash: ~0.1 ms per request under tsx).
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Principal } from '@rapport/auth';
import type { createGateway as CreateGateway, Gateway } from '../src/create-gateway.js';

/** The gateway's configuration as it crosses IPC: everything but the verifier (one token, one principal). */
export type HostedConfig = Omit<Parameters<typeof CreateGateway>[0], 'verifier'>;

export type HostCommand =
  | { kind: 'start'; module: string; config: HostedConfig; token: string; principal: Principal }
  | { kind: 'cpu' }
  | { kind: 'profile-start' }
  | { kind: 'profile-stop'; file: string }
  | { kind: 'stop' };

export type HostAnswer = { kind: 'started'; url: string } | { kind: 'cpu'; ms: number } | { kind: 'done' };

let gateway: Gateway | undefined;
let session: Session | undefined;

const answer = (message: HostAnswer): void => void process.send?.(message);

async function handle(command: HostCommand): Promise<void> {
  switch (command.kind) {
    case 'start': {
      const { createGateway } = (await import(pathToFileURL(command.module).href)) as { createGateway: typeof CreateGateway };
      const { token, principal } = command;
      gateway = createGateway({
        ...command.config,
        verifier: async (given) => {
          if (given !== token) throw new Error('unknown token');
          return principal;
        },
      });
      answer({ kind: 'started', url: (await gateway.start()).url });
      return;
    }
    case 'cpu': {
      const { user, system } = process.cpuUsage();
      answer({ kind: 'cpu', ms: (user + system) / 1000 });
      return;
    }
    case 'profile-start':
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      answer({ kind: 'done' });
      return;
    case 'profile-stop': {
      if (session) {
        const { profile } = await session.post('Profiler.stop');
        writeFileSync(command.file, JSON.stringify(profile));
        session.disconnect();
        session = undefined;
      }
      answer({ kind: 'done' });
      return;
    }
    case 'stop':
      await gateway?.stop();
      answer({ kind: 'done' });
      process.disconnect();
      return;
  }
}

process.on('message', (command: HostCommand) => void handle(command));
