import { download } from '../../../lib/api';
import { boardParams, type BoardFilter } from './get-board';

/** The board as filtered, as Excel. */
export const exportBoard = (campaignId: number, p: BoardFilter) =>
  download(`/dispatch/campaigns/${campaignId}/board/export?${boardParams(p)}`);
