import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { App, Button, Checkbox, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import type { UploadFile } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  REQUEST_CATEGORIES,
  VISIT_FORMS,
  VISIT_PURPOSES,
  type RequestCategory,
  type VisitForm,
  type VisitPurpose,
} from '@leitai/core';
import { ApiError } from '../../lib/api';
import { useNarrow } from '../../components/use-narrow';
import { EvidenceUpload, stillUploading, uploadedIds } from '../../components/evidence-upload';
import { recordVisit, visitsKey } from './api';

interface Values {
  visitedOn: Dayjs;
  companions?: string;
  forms: VisitForm[];
  purposes?: VisitPurpose[];
  notes?: string;
  photos?: UploadFile[];
  requests?: { category: RequestCategory; content: string }[];
}

/** Records one visit and the 诉求 raised; full screen on a phone. Photos are optional (no forced 留痕). */
export function VisitDrawer({
  enterprise,
  onClose,
}: {
  enterprise: { id: number; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('visits');
  const { message } = App.useApp();
  const client = useQueryClient();
  const narrow = useNarrow();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const photos = Form.useWatch('photos', form);
  const submit = async (v: Values) => {
    if (!enterprise) return;
    setBusy(true);
    try {
      const r = await recordVisit({
        enterpriseId: enterprise.id,
        visitedOn: v.visitedOn.format('YYYY-MM-DD'),
        companions: v.companions ?? '',
        forms: v.forms,
        purposes: v.purposes ?? [],
        notes: v.notes ?? '',
        fileIds: uploadedIds(v.photos),
        requests: v.requests ?? [],
      });
      message.success(
        r.requestIds.length > 0 ? t('visit.savedWithRequests', { count: r.requestIds.length }) : t('visit.saved'),
      );
      form.resetFields();
      onClose();
      await client.invalidateQueries({ queryKey: visitsKey });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer
      open={enterprise !== null}
      title={enterprise ? t('visit.title', { name: enterprise.name }) : ''}
      onClose={onClose}
      width={narrow ? '100%' : 560}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ visitedOn: dayjs(), forms: [], purposes: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="visitedOn" label={t('visit.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="forms" label={t('visit.forms')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={VISIT_FORMS.map((value) => ({ value, label: t(`forms.${value}`) }))} />
        </Form.Item>
        <Form.Item name="purposes" label={t('visit.purposes')}>
          <Checkbox.Group options={VISIT_PURPOSES.map((value) => ({ value, label: t(`purposes.${value}`) }))} />
        </Form.Item>
        <Form.Item name="companions" label={t('visit.companions')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="notes" label={t('visit.notes')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="photos" label={t('visit.photos')} valuePropName="value">
          <EvidenceUpload label={t('visit.upload')} />
        </Form.Item>
        <Form.List name="requests">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field, i) => (
                <Space
                  key={field.key}
                  direction="vertical"
                  style={{ width: '100%', borderTop: '1px dashed #ddd', paddingTop: 8 }}
                >
                  <Form.Item
                    name={[field.name, 'category']}
                    label={`${t('visit.category')} ${i + 1}`}
                    rules={[{ required: true }]}
                  >
                    <Select options={REQUEST_CATEGORIES.map((value) => ({ value, label: t(`categories.${value}`) }))} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'content']}
                    label={`${t('visit.content')} ${i + 1}`}
                    rules={[{ required: true, min: 4 }]}
                  >
                    <Input.TextArea rows={2} maxLength={1000} />
                  </Form.Item>
                  <Button size="small" icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                    {t('visit.remove')}
                  </Button>
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add()} block>
                {t('visit.addRequest')}
              </Button>
            </Space>
          )}
        </Form.List>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={busy}
          disabled={stillUploading(photos)}
          style={{ marginTop: 16 }}
        >
          {t('visit.submit')}
        </Button>
      </Form>
    </Drawer>
  );
}
