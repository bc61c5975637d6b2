import { download } from '../../../lib/api';

/** The record as a Word dossier (an audited read on the server). */
export const downloadRecord = (id: number) => download(`/cadres/${id}/record.docx`);
