import { Button, Space, Upload, type UploadFile } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { ApiError } from '../lib/api';
import { uploadFile } from '../lib/upload-file';

/**
 * Uploads each chosen file at once (POST /files) and reports the ids the record will claim: a ledger
 * step's evidence, an appeal's, an adjustment's. A form item's value, so a Form.Item can hold it.
 */
export function EvidenceUpload({
  label,
  value,
  onChange,
}: {
  label: string;
  value?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
}) {
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
      <Button icon={<UploadOutlined />}>{label}</Button>
    </Upload>
  );
}

/** Whether a chosen file is still on its way: a record sent now would go without it. */
export const stillUploading = (files: UploadFile[] | undefined): boolean =>
  (files ?? []).some((f) => f.status === 'uploading');

export const uploadedIds = (files: UploadFile[] | undefined): number[] =>
  (files ?? []).filter((f) => f.status === 'done').map((f) => (f.response as { id: number }).id);

/** A record's text and its evidence below it, each file a link (an appeal's, an adjustment's). */
export function TextWithEvidence({ text, files }: { text: string; files: readonly { id: number; name: string }[] }) {
  return (
    <Space direction="vertical" size={2}>
      <span>{text}</span>
      {files.map((f) => (
        <a key={f.id} href={`/api/files/${f.id}`} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {f.name}
        </a>
      ))}
    </Space>
  );
}
