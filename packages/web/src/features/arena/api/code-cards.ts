import { download } from '../../../lib/api';

/** 评委码卡片 (PDF): issues fresh codes to the outside judges without a phone and downloads their cards. */
export const downloadCodeCards = (arenaId: number) => download(`/arenas/${arenaId}/codes.pdf`, {});
