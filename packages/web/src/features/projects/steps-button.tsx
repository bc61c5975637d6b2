import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '@leitai/core';
import { ApiError } from '../../lib/api';
import { projectsKey, scheduleSteps } from './api';
import type { ProjectDetail } from './types';

interface Values {
  milestone: Milestone;
  steps: { title: string; workingDays: number }[];
}

/** 倒排工期: the unit lists its steps toward a planned milestone; the server schedules them back on the working calendar. */
export function StepsButton({ p }: { p: ProjectDetail }) {
  const { t } = useTranslation('projects');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const planned = p.milestones.filter((m) => m.planned !== null && m.reachedOn === null);
  if (planned.length === 0) return null;
  const save = async () => {
    const v = await form.validateFields();
    try {
      await scheduleSteps(p.id, p.year, v.milestone, v.steps);
      message.success(t('detail.scheduled'));
      setOpen(false);
      await client.invalidateQueries({ queryKey: projectsKey });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('errors.failed'));
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('detail.schedule')}
      </Button>
      <Modal
        open={open}
        title={t('detail.schedule')}
        onCancel={() => setOpen(false)}
        onOk={() => void save()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ milestone: planned[0]!.id, steps: [{ title: '', workingDays: 10 }] }}
        >
          <Form.Item name="milestone" label={t('detail.scheduleFor')}>
            <Select
              options={planned.map((m) => ({ value: m.id, label: `${t(`milestones.${m.id}`)}（${m.planned}）` }))}
            />
          </Form.Item>
          <Form.List name="steps">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline">
                    <Form.Item name={[f.name, 'title']} rules={[{ required: true, min: 2 }]}>
                      <Input placeholder={t('detail.stepTitle')} aria-label={t('detail.stepTitle')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'workingDays']} rules={[{ required: true }]}>
                      <InputNumber min={1} max={365} addonAfter={t('detail.workingDays')} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ title: '', workingDays: 10 })}>
                  {t('detail.addStep')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}
