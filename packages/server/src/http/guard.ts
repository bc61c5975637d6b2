import type { Actor, Permission } from '@leitai/core';
import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '../modules/audit/service.js';
import { requireUnitAccess, requireUser } from './access.js';

export { requireUser };

/**
 * The older name of the access check for a unit path already known. Prefer `requireAccess` (access.ts);
 * this stays while modules still call it, and goes when none does.
 */
export function authorize(request: FastifyRequest, permission: Permission, unitPath?: string): Actor {
  return requireUnitAccess(request, permission, unitPath);
}

/** The audit record's view of who made a request. */
export function auditActorOf(request: FastifyRequest): AuditActor {
  return {
    id: request.user?.actor.userId ?? null,
    name: request.user ? `${request.user.displayName}(${request.user.username})` : 'anonymous',
    address: request.ip,
  };
}
