import type { FastifyReply, FastifyRequest } from 'fastify';
import { sseFrame, type RealtimeHub } from './hub.js';

const MAX_BUFFERED = 1 << 20;

/**
 * Turns a request into a server-sent event stream on `topic`: subscribes first, then sends the current
 * snapshot (from the hub's cache when it has one), so no change between the two is lost (clients keep the highest `version` they saw).
 * The stream ends when the client goes away or the app closes.
 */
export async function openEventStream(
  request: FastifyRequest,
  reply: FastifyReply,
  hub: RealtimeHub,
  topic: string,
  /** Adjusts the (possibly cached) first snapshot for this client, e.g. the server clock it carries. */
  fresh: (data: unknown) => unknown = (d) => d,
): Promise<void> {
  await hub.start();
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    // nginx and similar proxies would otherwise buffer the stream.
    'x-accel-buffering': 'no',
  });
  raw.write('retry: 2000\n\n');
  const unsubscribe = hub.subscribe(topic, {
    write: (frame) => {
      if (raw.destroyed) return;
      // A client that stopped reading would make the server buffer every frame for it. Snapshots are
      // whole states, so dropping it is safe: EventSource reconnects and gets the current one.
      if (raw.writableLength > MAX_BUFFERED) raw.destroy();
      else raw.write(frame);
    },
    close: () => raw.end(),
  });
  request.raw.on('close', unsubscribe);
  try {
    const first = await hub.snapshot(topic);
    if (!first) throw new Error(`no snapshot for ${topic}`);
    if (!raw.destroyed) raw.write(sseFrame(first.event, fresh(first.data)));
  } catch (err) {
    request.log.error({ err }, 'event stream: initial snapshot failed');
    raw.end();
  }
}
