import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  type UploadFile,
} from 'antd';
import { EvidenceUpload, TextWithEvidence, stillUploading, uploadedIds } from '../../components/evidence-upload';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { approveAppeal, decideAppeal, fileAppeal } from './api/act';
import { evaluationsKey } from './api/queries';
import type { AppealView, EvaluationDetail } from './api/types';

const APPEAL_COLOURS: Record<AppealView['state'], string> = {
  filed: 'processing',
  decided: 'warning',
  upheld: 'success',
  refused: 'default',
};

/** 申诉: a unit files one number while the window is open; the office decides and a second person approves. */
export function AppealsPanel({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation('evaluation');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [deciding, setDeciding] = useState<AppealView | null>(null);
  const [fileForm] = Form.useForm<{ componentId: string; reason: string; files?: UploadFile[] }>();
  const uploading = stillUploading(Form.useWatch('files', fileForm));
  const [decideForm] = Form.useForm<{ uphold: boolean; correction?: string; reason: string }>();
  const id = detail.evaluation.id;

  const attempt = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work();
      if (done) message.success(done);
      await queryClient.invalidateQueries({ queryKey: evaluationsKey });
      return true;
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('failed'));
      return false;
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {detail.appealRefusal && <Alert type="info" showIcon message={detail.appealRefusal} />}
      {detail.appeal && (
        <Card size="small" title={`${t('appeal.file')} · ${detail.appeal.unitName}`}>
          <Form
            form={fileForm}
            layout="vertical"
            onFinish={({ files, ...v }) =>
              void attempt(
                () => fileAppeal(id, { unitId: detail.appeal!.unitId, ...v, fileIds: uploadedIds(files) }),
                t('appeal.filed'),
              ).then((ok) => ok && fileForm.resetFields())
            }
          >
            <Form.Item name="componentId" label={t('appeal.component')} rules={[{ required: true }]}>
              <Select options={detail.appeal.components.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
            <Form.Item name="reason" label={t('appeal.reason')} rules={[{ required: true, min: 5 }]}>
              <Input.TextArea rows={3} maxLength={1000} showCount />
            </Form.Item>
            <Form.Item name="files" label={t('appeal.evidence')} valuePropName="value">
              <EvidenceUpload label={t('appeal.upload')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={uploading}>
              {t('appeal.file')}
            </Button>
          </Form>
        </Card>
      )}
      {detail.appeals.length === 0 ? (
        <Empty description={t('appeal.none')} />
      ) : (
        <Table<AppealView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={detail.appeals}
          scroll={{ x: 800 }}
          columns={[
            { title: t('columns.unit'), dataIndex: 'unitName', width: 160 },
            { title: t('columns.component'), dataIndex: 'componentName', width: 100 },
            {
              title: t('columns.reason'),
              render: (_, a) => <TextWithEvidence text={a.reason} files={a.evidence} />,
            },
            {
              title: t('columns.appealState'),
              width: 220,
              render: (_, a) => (
                <Space direction="vertical" size={2}>
                  <Tag color={APPEAL_COLOURS[a.state]}>{a.stateLabel}</Tag>
                  {a.decision && <span>{a.decision}</span>}
                  {a.correction && <span>{t('appeal.correctedTo', { value: a.correction })}</span>}
                  {a.decidedBy && <span>{t('appeal.decidedBy', { name: a.decidedBy })}</span>}
                  {a.approvedBy && <span>{t('appeal.approvedBy', { name: a.approvedBy })}</span>}
                </Space>
              ),
            },
            {
              title: t('columns.actions'),
              width: 120,
              render: (_, a) =>
                a.actions.map((x) => (
                  <Button
                    key={x.action}
                    size="small"
                    type="link"
                    onClick={() =>
                      x.action === 'decide'
                        ? (decideForm.resetFields(), setDeciding(a))
                        : void attempt(() => approveAppeal(a.id), x.label)
                    }
                  >
                    {x.label}
                  </Button>
                )),
            },
          ]}
        />
      )}
      <Modal
        title={deciding ? `${t('appeal.decide')} · ${deciding.unitName} · ${deciding.componentName}` : ''}
        open={deciding !== null}
        onCancel={() => setDeciding(null)}
        onOk={() => decideForm.submit()}
        destroyOnHidden
      >
        <Form
          form={decideForm}
          layout="vertical"
          initialValues={{ uphold: false }}
          onFinish={(v) =>
            deciding && void attempt(() => decideAppeal(deciding.id, v)).then((ok) => ok && setDeciding(null))
          }
        >
          <Form.Item name="uphold">
            <Radio.Group
              options={[
                { value: true, label: t('appeal.uphold') },
                { value: false, label: t('appeal.refuse') },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle shouldUpdate>
            {() =>
              decideForm.getFieldValue('uphold') === true && (
                <Form.Item name="correction" label={t('appeal.correction')} rules={[{ required: true }]}>
                  <Input inputMode="decimal" />
                </Form.Item>
              )
            }
          </Form.Item>
          <Form.Item name="reason" label={t('appeal.decisionReason')} rules={[{ required: true, min: 2 }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
