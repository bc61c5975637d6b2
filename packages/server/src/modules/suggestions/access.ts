import type { Db } from '../../db/client.js';
import type { ResolvedTarget } from '../../http/access.js';
import * as units from '../units/index.js';
import { reviewsOf, roundById, suggestionPlace } from './repository.js';

/**
 * A round is its office's record with no units of its own: the office manages it, the officials at or
 * below the office submit to it and read it (scope 'above').
 */
export async function resolveRound(db: Db, id: number): Promise<ResolvedTarget | null> {
  const round = await roundById(db, id);
  const office = round && (await units.pathOf(db, round.officeUnitId));
  return office ? { office, parties: {} } : null;
}

/**
 * A suggestion is its round's office's record; its proposer's unit (`proposer`) lets that unit's head read
 * it; its proposer and its reviewers are its owners, who reach it whatever their unit.
 */
export async function resolveSuggestion(db: Db, id: number): Promise<ResolvedTarget | null> {
  const place = await suggestionPlace(db, id);
  const office = place && (await units.pathOf(db, place.officeUnitId));
  if (!place || !office) return null;
  const reviewers = (await reviewsOf(db, [id])).map((r) => r.reviewerId);
  return {
    office,
    parties: { proposer: place.unitPath ? [place.unitPath] : [] },
    owners: [...(place.s.proposerId === null ? [] : [place.s.proposerId]), ...reviewers],
  };
}
