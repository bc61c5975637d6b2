/**
 * The documents module's face: the 版头 and 版记 of an office's documents (GB/T 9704-2012). Bulletins
 * ask for a letterhead and hand it to `wordDocument` (documents/word.ts), which lays it out.
 */
import { chineseDate, defaultOfficeCode, defaultOfficeTitle, documentNumber, type Actor } from '@leitai/core';
import type { Db } from '../../db/client.js';
import type { Letterhead } from '../../documents/index.js';
import * as units from '../units/index.js';
import { numberFor } from './repository.js';

export type { Letterhead };

/**
 * The letterhead of the document `kind`/`subject` issued by the actor's office: its 发文机关标志, the
 * 发文字号 (the same on every download of one subject), 主送, 成文日期, 抄送 (the office above, which
 * follows what offices below publish) and 印发.
 */
export async function letterhead(
  db: Db,
  actor: Actor,
  doc: { kind: string; subject: string; today: string },
): Promise<Letterhead> {
  // An account outside every office (a system-wide role) issues in the name of the tree's root.
  const rootId = Number(actor.unitPath.split('/').filter(Boolean)[0] ?? actor.unitId);
  const office = actor.office ?? { unitId: rootId, path: `/${rootId}/` };
  const name = (await units.nameOf(db, office.unitId)) ?? '';
  const issuer = defaultOfficeTitle(name);
  const { year, seq, issuedOn } = await numberFor(db, { officeUnitId: office.unitId, ...doc }, doc.today);
  // The office above: the nearest office at or above this office's parent ('/1/4/' → '/1/').
  const parentPath = office.path.replace(/[^/]+\/$/, '');
  const above = parentPath === '/' ? null : await units.officeOf(db, parentPath);
  const copyTo = above ? [defaultOfficeTitle((await units.nameOf(db, above.unitId)) ?? '')] : [];
  const date = chineseDate(issuedOn);
  return {
    mark: `${issuer}文件`,
    number: documentNumber(defaultOfficeCode(name), year, seq),
    addressee: '各有关单位',
    issuer,
    signedOn: date,
    copyTo,
    printedBy: issuer,
    printedOn: date,
  };
}
