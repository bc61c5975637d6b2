import type { FastifyRequest } from 'fastify';
import type { Actor, Permission } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../http/guard.js';
import { getTarget, unitPath } from './repo.js';

/** Access to a named unit: 404 when it does not exist, 403 outside the actor's scope. */
export async function onUnit(db: Db, request: FastifyRequest, permission: Permission, unitId: number): Promise<Actor> {
  const path = await unitPath(db, unitId);
  if (path === null) throw notFound('单位');
  return authorize(request, permission, path);
}

/** Access to a target through its unit: 404 when there is no such target. */
export async function onTarget(
  db: Db,
  request: FastifyRequest,
  permission: Permission,
  targetId: number,
): Promise<Actor> {
  const target = await getTarget(db, targetId);
  if (!target) throw notFound('目标');
  return onUnit(db, request, permission, target.unitId);
}
