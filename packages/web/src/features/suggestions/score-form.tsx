import { useTranslation } from 'react-i18next';
import { Button, Card, Form, Input, InputNumber } from 'antd';
import type { SuggestionCriterion } from '@leitai/core';
import { scoreIdea } from './api';
import { useAct } from './use-act';
import type { Idea } from './types';

/** A reviewer's sheet: one field per criterion of the round, each up to its maximum (the server checks again). */
export function ScoreForm({ idea, criteria }: { idea: Idea; criteria: SuggestionCriterion[] }) {
  const { t } = useTranslation('suggestions');
  const { busy, act } = useAct();
  const max = criteria.reduce((n, c) => n + Number(c.max), 0);
  const initial = Object.fromEntries(criteria.map((c) => [c.key, idea.myReview?.scores?.[c.key] ?? null]));
  return (
    <Card size="small" title={t('actions.scoreTitle', { max })} style={{ marginTop: 16 }}>
      <Form
        layout="vertical"
        initialValues={{ ...initial, comment: idea.myReview?.comment ?? '' }}
        onFinish={(v: Record<string, string | number | null>) =>
          void act(
            () =>
              scoreIdea(
                idea.id,
                Object.fromEntries(criteria.map((c) => [c.key, String(v[c.key] ?? '')])),
                String(v.comment ?? ''),
              ),
            (r) => t('actions.scored', { total: r.total }),
          )
        }
      >
        {criteria.map((c) => (
          <Form.Item key={c.key} name={c.key} label={`${c.label}（0–${c.max}）`} rules={[{ required: true }]}>
            <InputNumber min={0} max={Number(c.max)} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        ))}
        <Form.Item name="comment" label={t('actions.comment')}>
          <Input maxLength={200} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('actions.score')}
        </Button>
      </Form>
    </Card>
  );
}
