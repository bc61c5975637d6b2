import { Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { uploadFile } from './api/upload-file';

/** Uploads each chosen file at once (POST /files) and reports the ids the record will claim. */
export function EvidenceUpload({
  value,
  onChange,
}: {
  value?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
}) {
  const { t } = useTranslation('ledger');
  return (
    <Upload
      fileList={value ?? []}
      multiple
      onChange={({ fileList }) => onChange?.(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        uploadFile(file as Blob)
          .then((r) => onSuccess?.(r))
          .catch((e: unknown) => onError?.(e instanceof ApiError ? new Error(e.message) : (e as Error)));
      }}
    >
      <Button icon={<UploadOutlined />}>{t('detail.work.upload')}</Button>
    </Upload>
  );
}

export const uploadedIds = (files: UploadFile[] | undefined): number[] =>
  (files ?? []).filter((f) => f.status === 'done').map((f) => (f.response as { id: number }).id);
