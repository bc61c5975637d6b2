import type { Channel } from '../delivery/index.js';

/** GET /api/delivery/robots: a unit's group robot, its webhook masked (where it points, never the key). */
export interface RobotView {
  id: number;
  unitId: number;
  unitName: string;
  kind: 'wecom' | 'dingtalk';
  name: string;
  webhook: string;
  hasSecret: boolean;
  keywords: string[];
  enabled: boolean;
}

/** GET /api/delivery/dead-letters: a message that failed every retry, and what may be done with it. */
export interface DeadLetterView<T = string> {
  id: number;
  channel: Channel;
  channelName: string;
  /** The robot and its unit, or the masked number or address. */
  to: string;
  title: string;
  attempts: number;
  error: string;
  createdAt: T;
  actions: 'retry'[];
}
