import { can, hasPermission, type Actor, type Permission } from '@leitai/core';
import type { FastifyRequest } from 'fastify';
import { AppError, forbidden } from '../errors.js';
import type { AuditActor } from '../modules/audit/service.js';

/** The signed-in actor, or 401. */
export function requireUser(request: FastifyRequest): NonNullable<FastifyRequest['user']> {
  if (!request.user) throw new AppError('UNAUTHENTICATED', '请先登录');
  return request.user;
}

/**
 * The one access check routes make: the role must grant the permission, and when a unit is named
 * its path must be in the grant's scope. Returns the actor for the service call.
 */
export function authorize(request: FastifyRequest, permission: Permission, unitPath?: string): Actor {
  const { actor } = requireUser(request);
  const allowed = unitPath === undefined ? hasPermission(actor, permission) : can(actor, permission, unitPath);
  if (!allowed) throw forbidden();
  return actor;
}

/** The audit record's view of who made a request. */
export function auditActorOf(request: FastifyRequest): AuditActor {
  return {
    id: request.user?.actor.userId ?? null,
    name: request.user ? `${request.user.displayName}(${request.user.username})` : 'anonymous',
    address: request.ip,
  };
}
