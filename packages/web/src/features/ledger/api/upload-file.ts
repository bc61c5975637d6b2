import { api } from '../../../lib/api';

/** Uploads one evidence file; a record claims it later by id. */
export const uploadFile = (file: Blob) => {
  const form = new FormData();
  form.append('file', file);
  return api.post<{ id: number }>('/files', form);
};
