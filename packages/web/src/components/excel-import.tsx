import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api, ApiError, download } from '../lib/api';

interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export interface ExcelImportProps {
  /** Button and dialog title, e.g. "导入单位". */
  title: string;
  /** GET endpoint of the template (relative to /api). */
  templateUrl: string;
  /** POST endpoint taking the filled file (multipart field `file`). */
  importUrl: string;
  /** What the server answered on success, in words ("已导入 38 个单位"). */
  describeResult?: (result: unknown) => string;
  onImported?: () => void;
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

  const upload = async (file: File) => {
    setBusy(true);
    setProblems([]);
    setError(null);
    const form = new FormData();
    form.append('file', file);
    try {
      const result = await api.post<unknown>(importUrl, form);
      message.success(describeResult ? describeResult(result) : '导入成功');
      setOpen(false);
      onImported?.();
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
            第一步：
            <Button type="link" icon={<DownloadOutlined />} onClick={() => void download(templateUrl).catch((e: Error) => message.error(e.message))}>
              下载模板
            </Button>
            第二步：按模板填写（第一行是表头，不要修改）。第三步：上传填好的文件。有任何一行不合格都不会写入，请按提示修改后重新上传。
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
            <p>{busy ? '正在校验并导入…' : '点击或拖入填好的 .xlsx 文件'}</p>
          </Upload.Dragger>
          {error && <Alert type="error" showIcon message={error} data-testid="import-error" />}
          {problems.length > 0 && (
            <Table<ImportProblem>
              size="small"
              rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
              dataSource={problems}
              pagination={problems.length > 10 ? { pageSize: 10 } : false}
              columns={[
                { title: '行', dataIndex: 'row', width: 70 },
                { title: '列', dataIndex: 'column', width: 140 },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          )}
        </Space>
      </Modal>
    </>
  );
}
