import { fileBlobs, files } from '../../src/db/schema/index.js';
import { multipartFile, type Fixture, type MatrixRow, type Target } from './types.js';

/** Evidence and attachments. Those who attach evidence may upload; reading follows 'file.read' on the file's unit. */
const uploaders = { organiser: 'any', unit_head: 'any', reporter: 'any' } as const;
const readers = { organiser: 'any', leader: 'own', unit_head: 'own', reporter: 'own' } as const;

/** A claimed evidence file of unit A or B, uploaded by that unit's reporter (never by the caller). */
const evidence = new Map<Target, Promise<number>>();
async function insertEvidence(f: Fixture, t: Target): Promise<number> {
  const content = Buffer.from('%PDF-1.4 整改佐证');
  const [row] = await f.db
    .insert(files)
    .values({
      name: '整改佐证.pdf',
      mime: 'application/pdf',
      size: content.length,
      sha256: 'matrix',
      uploadedBy: f.victimOf(t),
      unitId: f.unitOf(t),
      ownerType: 'ledger_event',
      ownerId: '0',
    })
    .returning({ id: files.id });
  await f.db.insert(fileBlobs).values({ fileId: row!.id, content });
  return row!.id;
}
const fileOf = (f: Fixture, t: Target) => {
  if (!evidence.has(t)) evidence.set(t, insertEvidence(f, t));
  return evidence.get(t)!;
};

export const rows: MatrixRow[] = [
  {
    route: 'POST /api/files',
    otherOffice: 'allowed',
    allow: uploaders,
    request: () => ({ method: 'POST', url: '/api/files', ...multipartFile('证明材料.pdf', '%PDF-1.4 矩阵') }),
  },
  {
    route: 'GET /api/files/:id',
    allow: readers,
    scoped: true,
    request: async (f, t) => ({ method: 'GET', url: `/api/files/${await fileOf(f, t)}` }),
  },
];
