import { download } from '../../../lib/api';

export const exportBrief = (id: number) => download(`/arenas/${id}/brief.docx`);
