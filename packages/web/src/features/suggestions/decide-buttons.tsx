import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { RewardLevel } from '@leitai/core';
import { adoptIdea, rejectIdea, rewardIdea, setReviewers, useChoices, useRound } from './api';
import { useAct } from './use-act';
import type { Idea } from './types';

/** A button that opens a one-form dialog; the form's values go to `send`. */
function FormButton<V extends object>(props: {
  label: string;
  title: string;
  primary?: boolean;
  initial?: Partial<V>;
  send: (v: V) => Promise<boolean>;
  busy: boolean;
  children: (open: boolean) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<V>();
  return (
    <>
      <Button type={props.primary ? 'primary' : 'default'} onClick={() => setOpen(true)}>
        {props.label}
      </Button>
      <Modal
        open={open}
        title={props.title}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={props.busy}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={props.initial}
          onFinish={(v) => void props.send(v).then((ok) => ok && setOpen(false))}
        >
          {props.children(open)}
        </Form>
      </Modal>
    </>
  );
}

/** 指定评审人 (office). */
export function AssignButton({ idea }: { idea: Idea }) {
  const { t } = useTranslation('suggestions');
  const { busy, act } = useAct();
  return (
    <FormButton<{ userIds: number[] }>
      label={t('actions.assign')}
      title={t('actions.assignTitle')}
      busy={busy}
      initial={{ userIds: idea.reviewers.map((r) => r.id) }}
      send={(v) =>
        act(
          () => setReviewers(idea.id, v.userIds),
          () => t('actions.assigned'),
        )
      }
    >
      {(open) => <PeopleField open={open} />}
    </FormButton>
  );
}

function PeopleField({ open }: { open: boolean }) {
  const { t } = useTranslation('suggestions');
  const choices = useChoices(open);
  return (
    <Form.Item name="userIds" label={t('actions.people')} rules={[{ required: true }]}>
      <Select
        mode="multiple"
        showSearch
        optionFilterProp="label"
        options={(choices.data?.people ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.unitName}）` }))}
      />
    </Form.Item>
  );
}

/** 采纳: onto the ledger, led by a unit, with a deadline (office). */
export function AdoptButton({ idea }: { idea: Idea }) {
  const { t } = useTranslation('suggestions');
  const { busy, act } = useAct();
  return (
    <FormButton<{ leadUnitId: number; deadline: Dayjs; note?: string }>
      label={t('actions.adopt')}
      title={t('actions.adoptTitle')}
      primary
      busy={busy}
      send={(v) =>
        act(
          () =>
            adoptIdea(idea.id, {
              leadUnitId: v.leadUnitId,
              deadline: v.deadline.format('YYYY-MM-DD'),
              note: v.note ?? '',
            }),
          (r) => t('actions.adopted', { id: r.ledgerItemId }),
        )
      }
    >
      {(open) => <AdoptFields open={open} />}
    </FormButton>
  );
}

function AdoptFields({ open }: { open: boolean }) {
  const { t } = useTranslation('suggestions');
  const choices = useChoices(open);
  return (
    <>
      <Form.Item name="leadUnitId" label={t('actions.leadUnit')} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={(choices.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
      </Form.Item>
      <Form.Item name="deadline" label={t('actions.deadline')} rules={[{ required: true }]}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('actions.note')}>
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}

/** 不予采纳, with the reason (office). */
export function RejectButton({ idea }: { idea: Idea }) {
  const { t } = useTranslation('suggestions');
  const { busy, act } = useAct();
  return (
    <FormButton<{ note: string }>
      label={t('actions.reject')}
      title={t('actions.rejectTitle')}
      busy={busy}
      send={(v) =>
        act(
          () => rejectIdea(idea.id, v.note),
          () => t('actions.rejected'),
        )
      }
    >
      {() => (
        <Form.Item name="note" label={t('actions.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={200} />
        </Form.Item>
      )}
    </FormButton>
  );
}

/** 评奖: a level of the round's table; the quota is the server's rule, shown as given/count. */
export function RewardButton({ idea, levels }: { idea: Idea; levels: RewardLevel[] }) {
  const { t } = useTranslation('suggestions');
  const { busy, act } = useAct();
  const round = useRound(idea.roundId);
  const given = new Map((round.data?.round.rewardLevels ?? []).map((l) => [l.key, l.given]));
  const none = '__none__';
  return (
    <FormButton<{ level: string }>
      label={t('actions.reward')}
      title={t('actions.rewardTitle')}
      primary
      busy={busy}
      initial={{ level: idea.reward?.level ?? none }}
      send={(v) =>
        act(
          () => rewardIdea(idea.id, v.level === none ? null : v.level),
          () => t('actions.rewarded'),
        )
      }
    >
      {() => (
        <Form.Item name="level" label={t('actions.level')} rules={[{ required: true }]}>
          <Select
            aria-label={t('actions.level')}
            options={[
              ...levels.map((l) => ({
                value: l.key,
                label: t('actions.levelOption', {
                  label: l.label,
                  amount: l.amount,
                  given: given.get(l.key) ?? 0,
                  count: l.count,
                }),
              })),
              { value: none, label: t('actions.noReward') },
            ]}
          />
        </Form.Item>
      )}
    </FormButton>
  );
}
