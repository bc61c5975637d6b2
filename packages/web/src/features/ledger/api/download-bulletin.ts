import { download } from '../../../lib/api';

/** The period's 督查通报, as Word or Excel. */
export const downloadBulletin = (period: string, format: string) =>
  download(`/ledger/bulletin?period=${encodeURIComponent(period)}&format=${format}`);
