import type { Actor } from '@leitai/core';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import type { OutboxRelay } from '../events/consumer.js';
import type { RealtimeHub } from '../realtime/hub.js';
import type { DeliveryWorker, SmsChannel } from '../modules/notifications/index.js';

/** What every route plugin can reach through `app.ctx`. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  /** This instance's fan-out of topic changes to event streams (realtime/). */
  realtime: RealtimeHub;
  /** Delivers the outbox to its consumers (events/). */
  outbox: OutboxRelay;
  /** Text messages (the rating page's verification codes): the local fake unless a deployment plugs in a gateway. */
  sms: SmsChannel;
  /** Sends the bell's notices to robots, phones and mailboxes (notifications/delivery-worker.ts). */
  delivery: DeliveryWorker;
  /** Which personal channels this deployment can deliver (a person may switch on only those). */
  channels: { sms: boolean; email: boolean };
}

/** The signed-in user of a request, set by the session plugin. */
export interface RequestUser {
  actor: Actor;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  sessionIdHash: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    user: RequestUser | null;
  }
}
