import type { FastifyRequest } from 'fastify';
import type { Actor, Permission } from '@leitai/core';
import { notFound } from '../../errors.js';
import { requireAccess } from '../../http/access.js';
import { getTarget } from './repo.js';

/** Access to a named unit: 404 when it does not exist, 403 outside the actor's scope (requireAccess). */
export const onUnit = (request: FastifyRequest, permission: Permission, unitId: number): Promise<Actor> =>
  requireAccess(request, permission, { unitId });

/** Access to a target through its unit: 404 when there is no such target. */
export async function onTarget(request: FastifyRequest, permission: Permission, targetId: number): Promise<Actor> {
  const target = await getTarget(request.server.ctx.db, targetId);
  if (!target) throw notFound('目标');
  return onUnit(request, permission, target.unitId);
}
