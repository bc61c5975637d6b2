import { api } from './api';

/** Uploads one evidence file (POST /files); a ledger record or a dispatch report claims it later by id. */
export const uploadFile = (file: Blob) => {
  const form = new FormData();
  form.append('file', file);
  return api.post<{ id: number }>('/files', form);
};
