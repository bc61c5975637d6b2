import type { OfficeRecord } from '@leitai/core';
import type { Db } from '../../db/client.js';
import { campaignRecords } from '../dispatch/index.js';
import { findEvaluation } from './repository.js';

/**
 * An evaluation as an office's record (docs/levels.md): it belongs to its campaign's office. It concerns
 * no unit party: who reads it is decided on the office (the units of the offices it belongs to read it).
 */
export async function evaluationRecord(db: Db, id: number): Promise<OfficeRecord | null> {
  const e = await findEvaluation(db, id);
  if (!e) return null;
  const campaign = (await campaignRecords(db, [e.campaignId])).get(e.campaignId);
  return campaign ? { officePath: campaign.officePath, unitPaths: [] } : null;
}

/** Evaluations' records by campaign id, for lists (one query for every campaign). */
export async function recordsByCampaign(db: Db): Promise<Map<number, OfficeRecord>> {
  const all = await campaignRecords(db);
  return new Map([...all].map(([id, c]) => [id, { officePath: c.officePath, unitPaths: [] }]));
}
