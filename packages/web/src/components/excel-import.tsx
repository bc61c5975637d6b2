import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, ApiError, download } from '../lib/api';

interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export interface ExcelImportProps {
  /** Button and dialog title, from the caller's catalogue (e.g. admin:units.import). */
  title: string;
  /** GET endpoint of the template (relative to /api). */
  templateUrl: string;
  /** POST endpoint taking the filled file (multipart field `file`). */
  importUrl: string;
  /** What the server answered on success, in words, from the caller's catalogue. */
  describeResult?: (result: unknown) => string;
  /** Called with what the server answered (e.g. rows read into a form). */
  onImported?: (result: unknown) => void;
}

/**
 * The one Excel import flow: download the template, fill it, upload it. The server writes nothing
 * unless every row is valid; when it refuses, every problem is listed by row and column.
 */
export function ExcelImport({ title, templateUrl, importUrl, describeResult, onImported }: ExcelImportProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const { t } = useTranslation();

  const upload = async (file: File) => {
    setBusy(true);
    setProblems([]);
    setError(null);
    const form = new FormData();
    form.append('file', file);
    try {
      const result = await api.post<unknown>(importUrl, form);
      message.success(describeResult ? describeResult(result) : t('excelImport.success'));
      setOpen(false);
      onImported?.(result);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.message);
      setProblems((e.details?.errors as ImportProblem[] | undefined) ?? []);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {title}
      </Button>
      <Modal open={open} title={title} onCancel={() => setOpen(false)} footer={null} width={720} destroyOnHidden>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('excelImport.step1')}
            <Button
              type="link"
              icon={<DownloadOutlined />}
              onClick={() => void download(templateUrl).catch((e: Error) => message.error(e.message))}
            >
              {t('excelImport.template')}
            </Button>
            {t('excelImport.nextSteps')}
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx"
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <p style={{ fontSize: 32, margin: 0 }}>
              <UploadOutlined />
            </p>
            <p>{busy ? t('excelImport.busy') : t('excelImport.drop')}</p>
          </Upload.Dragger>
          {error && <Alert type="error" showIcon message={error} data-testid="import-error" />}
          {problems.length > 0 && (
            <Table<ImportProblem>
              size="small"
              rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
              dataSource={problems}
              pagination={problems.length > 10 ? { pageSize: 10 } : false}
              columns={[
                { title: t('excelImport.row'), dataIndex: 'row', width: 70 },
                { title: t('excelImport.column'), dataIndex: 'column', width: 140 },
                { title: t('excelImport.problem'), dataIndex: 'message' },
              ]}
            />
          )}
        </Space>
      </Modal>
    </>
  );
}
