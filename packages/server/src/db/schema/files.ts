import { customType, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { units, users } from './identity.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Uploaded evidence and attachments. A file is uploaded first (owner unset), then claimed by the
 * record it supports (a report, a ledger item) in that record's transaction.
 */
export const files = pgTable(
  'files',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    name: text().notNull(),
    mime: text().notNull(),
    size: integer().notNull(),
    sha256: text().notNull(),
    uploadedBy: integer()
      .notNull()
      .references(() => users.id),
    unitId: integer()
      .notNull()
      .references(() => units.id),
    ownerType: text(),
    ownerId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('files_owner_idx').on(t.ownerType, t.ownerId),
    // The daily upload quota sums one uploader's recent files.
    index('files_uploader_idx').on(t.uploadedBy, t.createdAt),
  ],
);

/** File contents live in the database, so every app instance sees every file and one backup holds all. */
export const fileBlobs = pgTable(
  'file_blobs',
  {
    fileId: integer()
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    /**
     * The chunk's place in the file (0, 1, …). A file is stored in chunks of 256 KB, one statement each: PGlite runs
     * on the event loop, and one 19 MB statement held it for seconds. Files stored before this are one chunk.
     */
    seq: integer().notNull().default(0),
    content: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);
