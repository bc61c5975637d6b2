import { download } from '../../../lib/api';

export const exportResult = (id: number, ext: 'xlsx' | 'docx') => download(`/arenas/${id}/result.${ext}`);
