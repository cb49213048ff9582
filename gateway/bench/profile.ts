// A CPU profile of another process through its inspector (started with --inspect=127.0.0.1:<port>),
// over the Chrome DevTools protocol, for exactly the span a benchmark chooses; and a summary of a
// profile's self time by package, so the biggest consumer shows without opening DevTools.
import { writeFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

/** Starts profiling the process whose inspector listens on `port`; `stop` writes the profile to `file` and answers it. */
export async function profileOf(port: number): Promise<{ stop(file: string): Promise<CpuProfile> }> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const target = targets[0]?.webSocketDebuggerUrl;
  if (!target) throw new Error(`no inspector target at port ${port}`);
  const socket = new WebSocket(target);
  await new Promise((resolve, reject) => {
    socket.addEventListener('open', resolve, { once: true });
    socket.addEventListener('error', reject, { once: true });
  });
  let next = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.addEventListener('message', (event: { data: unknown }) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const call = <T>(method: string, params: Record<string, unknown> = {}): Promise<T> =>
    new Promise((resolve) => {
      const id = ++next;
      pending.set(id, resolve as (result: unknown) => void);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await call('Profiler.enable');
  await call('Profiler.setSamplingInterval', { interval: 1000 });
  await call('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await call<{ profile: CpuProfile }>('Profiler.stop');
      socket.close();
      writeFileSync(file, JSON.stringify(profile));
      return profile;
    },
  };
}

/** Who a frame belongs to: an npm package, a workspace (`services/sales`), node's own code, or V8's (GC, idle, program). */
function ownerOf(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules?.[1]) return inModules[1];
  const workspace = /\/((?:services|packages)\/[^/]+|gateway)\/(?:dist|src)\//.exec(url);
  if (workspace?.[1]) return workspace[1];
  if (url.startsWith('node:')) return 'node:*';
  return url;
}

/** The largest shares of the profile's samples by owner (self time), as lines `42.0 %  @mikro-orm/core`. */
export function summariseProfile(profile: CpuProfile, top = 12): string[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map<string, number>();
  let total = 0;
  const samples = profile.samples ?? [];
  if (samples.length) {
    for (const id of samples) {
      const node = byNode.get(id);
      if (!node) continue;
      const owner = ownerOf(node.callFrame);
      counts.set(owner, (counts.get(owner) ?? 0) + 1);
      total++;
    }
  } else {
    for (const node of profile.nodes) {
      const owner = ownerOf(node.callFrame);
      counts.set(owner, (counts.get(owner) ?? 0) + (node.hitCount ?? 0));
      total += node.hitCount ?? 0;
    }
  }
  const idle = counts.get('(idle)') ?? 0;
  const busy = total - idle;
  return [
    `busy ${((100 * busy) / Math.max(total, 1)).toFixed(1)} % of the samples; shares of the busy ones:`,
    ...[...counts]
      .filter(([owner]) => owner !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([owner, n]) => `${((100 * n) / Math.max(busy, 1)).toFixed(1).padStart(5)} %  ${owner}`),
  ];
}
