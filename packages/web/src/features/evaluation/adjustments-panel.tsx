import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, Modal, Radio, Select, Space, Table, Tag, type UploadFile } from 'antd';
import { EvidenceUpload, TextWithEvidence, stillUploading, uploadedIds } from '../../components/evidence-upload';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ADJUSTMENT_KIND_LABELS, type AdjustmentAction, type AdjustmentKind } from '@leitai/core';
import { ApiError } from '../../lib/api';
import { proposeAdjustment, stepAdjustment } from './api/act';
import { evaluationsKey } from './api/queries';
import type { AdjustmentView, EvaluationDetail } from './api/types';

const KINDS: AdjustmentKind[] = ['bonus', 'penalty', 'waiver'];
const STATE_COLOURS: Record<AdjustmentView['state'], string> = {
  proposed: 'processing',
  accepted: 'processing',
  verified: 'processing',
  approved: 'success',
  filed: 'success',
  refused: 'default',
};

interface ProposeForm {
  unitId: number;
  kind: AdjustmentKind;
  amount?: string;
  reason: string;
  files?: UploadFile[];
}

/** 加减分 and 容错免责: proposed by a unit (for itself) or the office while a draft; decided by another organiser. */
export function AdjustmentsPanel({ detail }: { detail: EvaluationDetail }) {
  const { t } = useTranslation('evaluation');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ProposeForm>();
  const uploading = stillUploading(Form.useWatch('files', form));
  const [deciding, setDeciding] = useState<{ a: AdjustmentView; action: AdjustmentAction } | null>(null);
  const [reason, setReason] = useState('');
  const id = detail.evaluation.id;

  const attempt = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      await queryClient.invalidateQueries({ queryKey: evaluationsKey });
      return true;
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('failed'));
      return false;
    }
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {detail.adjustFor.length > 0 && (
        <Card size="small" title={t('adjust.propose')}>
          <Form<ProposeForm>
            form={form}
            layout="vertical"
            initialValues={{
              kind: 'bonus',
              unitId: detail.adjustFor.length === 1 ? detail.adjustFor[0]!.id : undefined,
            }}
            onFinish={({ files, ...v }) =>
              void attempt(
                () => proposeAdjustment(id, { ...v, fileIds: uploadedIds(files) }),
                t('adjust.proposed'),
              ).then((ok) => ok && form.resetFields())
            }
          >
            <Space wrap align="start">
              <Form.Item name="unitId" label={t('columns.unit')} rules={[{ required: true }]}>
                <Select
                  style={{ width: 220 }}
                  showSearch
                  optionFilterProp="label"
                  options={detail.adjustFor.map((u) => ({ value: u.id, label: u.name }))}
                />
              </Form.Item>
              <Form.Item name="kind" label={t('adjust.kind')}>
                <Radio.Group options={KINDS.map((k) => ({ value: k, label: ADJUSTMENT_KIND_LABELS[k] }))} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {() =>
                  form.getFieldValue('kind') !== 'waiver' && (
                    <Form.Item name="amount" label={t('adjust.amount')} rules={[{ required: true }]}>
                      <Input inputMode="decimal" style={{ width: 100 }} />
                    </Form.Item>
                  )
                }
              </Form.Item>
            </Space>
            <Form.Item name="reason" label={t('adjust.reason')} rules={[{ required: true, min: 5 }]}>
              <Input.TextArea rows={2} maxLength={1000} showCount />
            </Form.Item>
            <Form.Item name="files" label={t('appeal.evidence')} valuePropName="value">
              <EvidenceUpload label={t('appeal.upload')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={uploading}>
              {t('adjust.submit')}
            </Button>
          </Form>
        </Card>
      )}
      {detail.adjustments.length === 0 ? (
        <Empty description={t('adjust.none')} />
      ) : (
        <Table<AdjustmentView>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={detail.adjustments}
          scroll={{ x: 760 }}
          columns={[
            { title: t('columns.unit'), dataIndex: 'unitName', width: 160 },
            { title: t('adjust.kind'), dataIndex: 'kindLabel', width: 90 },
            { title: t('adjust.amount'), dataIndex: 'amount', width: 70, align: 'right' },
            {
              title: t('columns.reason'),
              render: (_, a) => <TextWithEvidence text={a.reason} files={a.evidence} />,
            },
            {
              title: t('columns.appealState'),
              width: 200,
              render: (_, a) => (
                <Space direction="vertical" size={2}>
                  <Tag color={STATE_COLOURS[a.state]}>{a.stateLabel}</Tag>
                  {a.steps.map((s) => (
                    <span key={s.at} style={{ fontSize: 12 }}>
                      {s.label} · {s.by ?? ''}：{s.text}
                    </span>
                  ))}
                </Space>
              ),
            },
            {
              title: t('columns.actions'),
              width: 160,
              render: (_, a) =>
                a.actions.map((x) => (
                  <Button
                    key={x.action}
                    size="small"
                    type="link"
                    onClick={() => {
                      setReason('');
                      setDeciding({ a, action: x.action });
                    }}
                  >
                    {x.label}
                  </Button>
                )),
            },
          ]}
        />
      )}
      <Modal
        title={deciding ? `${deciding.a.unitName} · ${deciding.a.kindLabel}` : ''}
        open={deciding !== null}
        onCancel={() => setDeciding(null)}
        onOk={() =>
          deciding &&
          void attempt(
            () => stepAdjustment(deciding.a.id, { action: deciding.action, text: reason }),
            t('adjust.decided'),
          ).then((ok) => ok && setDeciding(null))
        }
      >
        <Input.TextArea
          aria-label={t('adjust.decision')}
          placeholder={t('adjust.decision')}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </Space>
  );
}
