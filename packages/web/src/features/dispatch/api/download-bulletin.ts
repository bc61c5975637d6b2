import { download } from '../../../lib/api';

/** The month's 调度通报, as Word or Excel. */
export const downloadBulletin = (campaignId: number, period: string, format: 'docx' | 'xlsx') =>
  download(`/dispatch/campaigns/${campaignId}/bulletin?period=${period}&format=${format}`);
