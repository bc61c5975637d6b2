import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DatePicker, Form, Input, Modal, Select, Space, Typography, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { LEDGER_REASON_MIN } from '@leitai/core';
import type { ItemDetail } from './types';

export type Dialog = null | 'return' | 'extension' | 'decide' | 'reassign' | 'split';

/** A dialog around one form: OK submits it, and the form's values go to `onFinish`. */
function FormDialog<V>({
  title,
  open,
  busy,
  form,
  close,
  onFinish,
  children,
}: {
  title: string;
  open: boolean;
  busy?: boolean;
  form: FormInstance;
  close: () => void;
  onFinish: (values: V) => void;
  children: ReactNode;
}) {
  return (
    <Modal title={title} open={open} onCancel={close} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={onFinish}>
        {children}
      </Form>
    </Modal>
  );
}

/** The reason a refusal, a request or a transfer must give: core's minimum, counted once trimmed as the server does. */
function ReasonField({ label, required, rows = 3 }: { label: string; required: string; rows?: number }) {
  return (
    <Form.Item
      name="reason"
      label={label}
      rules={[
        {
          required: true,
          min: LEDGER_REASON_MIN,
          transform: (v: string | undefined) => v?.trim(),
          message: required,
        },
      ]}
    >
      <Input.TextArea rows={rows} />
    </Form.Item>
  );
}

/** The item page's dialogs: return, ask for an extension, decide one, transfer, split. */
export function ItemDialogs({
  item,
  dialog,
  close,
  busy,
  form,
  act,
  split,
  units,
}: {
  item: ItemDetail;
  dialog: Dialog;
  close: () => void;
  busy: boolean;
  form: FormInstance;
  act: (body: Record<string, unknown>, done: string) => Promise<void>;
  split: (v: { unitIds: number[] }) => Promise<void>;
  units: { value: number; label: string }[];
}) {
  const { t } = useTranslation('ledger');
  const pending = item.extensions.find((x) => x.status === 'pending');
  const decide = (approve: boolean) =>
    void act(
      {
        action: 'decide_extension',
        approve,
        reason: (form.getFieldValue('reason') as string | undefined) ?? '',
      },
      t(approve ? 'detail.done.approved' : 'detail.done.refused'),
    );
  const shared = { busy, form, close };
  return (
    <>
      <FormDialog
        {...shared}
        title={t('detail.returnDialog.title')}
        open={dialog === 'return'}
        onFinish={(v: { reason: string }) => void act({ action: 'return', reason: v.reason }, t('detail.done.return'))}
      >
        <ReasonField label={t('detail.returnDialog.reason')} required={t('detail.returnDialog.reasonRequired')} />
      </FormDialog>
      <FormDialog
        {...shared}
        title={t('detail.extensionDialog.title')}
        open={dialog === 'extension'}
        onFinish={(v: { deadline: dayjs.Dayjs; reason: string }) =>
          void act(
            { action: 'request_extension', deadline: v.deadline.format('YYYY-MM-DD'), reason: v.reason },
            t('detail.done.request_extension'),
          )
        }
      >
        <Form.Item
          name="deadline"
          label={t('detail.extensionDialog.deadline')}
          rules={[{ required: true, message: t('detail.extensionDialog.deadlineRequired') }]}
        >
          <DatePicker disabledDate={(d) => !d.isAfter(dayjs(item.deadline))} />
        </Form.Item>
        <ReasonField label={t('detail.extensionDialog.reason')} required={t('detail.extensionDialog.reasonRequired')} />
      </FormDialog>
      <Modal
        title={t('detail.decideDialog.title')}
        open={dialog === 'decide'}
        onCancel={close}
        footer={null}
        destroyOnHidden
      >
        {pending && (
          <Typography.Paragraph>
            {t('detail.decideDialog.request', { date: pending.requestedDeadline, reason: pending.reason })}
          </Typography.Paragraph>
        )}
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('detail.decideDialog.opinion')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Space>
            <Button type="primary" onClick={() => decide(true)}>
              {t('detail.decideDialog.approve')}
            </Button>
            <Button danger onClick={() => decide(false)}>
              {t('detail.decideDialog.refuse')}
            </Button>
          </Space>
        </Form>
      </Modal>
      <FormDialog
        {...shared}
        title={t('detail.reassignDialog.title')}
        open={dialog === 'reassign'}
        onFinish={(v: { leadUnitId: number; reason: string }) =>
          void act({ action: 'reassign', ...v }, t('detail.done.reassign'))
        }
      >
        <Form.Item
          name="leadUnitId"
          label={t('detail.reassignDialog.unit')}
          rules={[{ required: true, message: t('detail.reassignDialog.unitRequired') }]}
        >
          <Select showSearch optionFilterProp="label" options={units.filter((u) => u.value !== item.leadUnit.id)} />
        </Form.Item>
        <ReasonField
          label={t('detail.reassignDialog.reason')}
          required={t('detail.reassignDialog.reasonRequired')}
          rows={2}
        />
      </FormDialog>
      <FormDialog
        form={form}
        close={close}
        title={t('detail.splitDialog.title')}
        open={dialog === 'split'}
        onFinish={(v: { unitIds: number[] }) => void split(v)}
      >
        <Form.Item
          name="unitIds"
          label={t('detail.splitDialog.units')}
          rules={[{ required: true, message: t('detail.splitDialog.unitsRequired') }]}
        >
          <Select mode="multiple" showSearch optionFilterProp="label" options={units} />
        </Form.Item>
      </FormDialog>
    </>
  );
}
