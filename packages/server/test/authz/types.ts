import type { InjectOptions } from 'fastify';
import { ROLES, type Role } from '@leitai/core';
import type { Db } from '../../src/db/client.js';

/**
 * The authorisation matrix's vocabulary. Each feature keeps its own table in test/authz/<feature>.ts
 * (export `rows`); test/authz-matrix.test.ts finds every table, and fails for any /api route that has
 * no row and is not public (public.ts).
 */

/**
 * The world every row runs in. Every signed-in role's account sits in unit A (a leader oversees A). The
 * root is the office (考核办) that owns the rows' records; unit B is an office of its own below it, whose
 * organiser is the other-subtree column of every organiser row (docs/levels.md).
 */
export interface Fixture {
  db: Db;
  units: { root: number; a: number; a1: number; b: number };
  /** The office that owns what the rows create: the root, whose subtree holds A and B. */
  office: number;
  /** Unit A for 'own', unit B for 'other'. */
  unitOf(target: Target): number;
  /** A plain reporter account in unit A ('own') or B ('other'), for routes acting on a user. */
  victimOf(target: Target): number;
  categoryId: number;
  /** A fresh number for unique codes and names. */
  next(): number;
}

export type Target = 'own' | 'other';

/** `payloadAsStream` for an event stream: the answer is judged by its status and the stream closed. */
export type Request = Pick<InjectOptions, 'method' | 'url' | 'payload' | 'headers' | 'payloadAsStream'>;

export interface MatrixRow {
  /** Method and path exactly as registered, params as :name — 'PATCH /api/units/:id'. */
  route: string;
  /**
   * Who may: 'own' — only on unit A (their unit, subtree or overseen units); 'any' — on A and on B.
   * Every role not listed must get 403 (or 404 where an object outside the scope is hidden).
   */
  allow: Partial<Record<Role, 'own' | 'any'>>;
  /** Does the route act on a unit? Then it runs against A and B; otherwise once. */
  scoped?: boolean;
  /** A valid request (schema-valid, so access is what decides) against the target unit. */
  request(f: Fixture, target: Target): Request | Promise<Request>;
  /** Statuses that still mean "let in" beyond 2xx: the rule ran and refused the content (e.g. 422 for an empty import). */
  allowedStatus?: number[];
  /**
   * For an organiser row: an organiser of another office (B: A and the root's records lie outside its subtree) is refused the
   * 'own' request, unless the route acts only within the caller's own office (a list filtered to it, a new
   * record of its own): then 'allowed'. 'tree-wide': the route is not scoped by office yet (the tree's
   * settings, categories and calendar; the enterprise register) — docs/levels.md lists them.
   */
  otherOffice?: 'allowed' | 'tree-wide';
}

/** Every role, on any unit: for routes that only need a session (each acts on the caller's own things). */
export const everyone = Object.fromEntries(ROLES.map((r) => [r, 'any'])) as Record<Role, 'any'>;

/** A multipart body with one file in field `file`. */
export function multipartFile(name: string, content: Buffer | string): Pick<Request, 'payload' | 'headers'> {
  const boundary = '----leitai-matrix';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([
      head,
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
