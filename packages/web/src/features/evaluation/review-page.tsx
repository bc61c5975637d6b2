import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Form, InputNumber, Result, Skeleton, Space, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { getReviewForm, submitReview } from './api/review';

/** 评议 on a rater's phone, no account: every unit scored on every item, submitted once, anonymously. */
export function ReviewPage() {
  const { t } = useTranslation('evaluation');
  const code = useParams().code ?? '';
  const form = useQuery({ queryKey: ['review-form', code], queryFn: () => getReviewForm(code), retry: false });
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [values] = Form.useForm<Record<string, number | null>>();

  if (done) return <Result status="success" title={t('rater.thanks')} subTitle={t('rater.anonymous')} />;
  if (form.error) return <Result status="warning" title={form.error.message} />;
  const f = form.data;
  if (!f) return <Skeleton active style={{ padding: 16 }} />;

  const submit = async (v: Record<string, number | null>) => {
    setBusy(true);
    setError(null);
    try {
      await submitReview(
        code,
        f.units.map((u) => ({
          unitId: u.id,
          scores: Object.fromEntries(f.items.map((i) => [i.id, String(v[`${u.id}.${i.id}`] ?? '')])),
        })),
      );
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ maxWidth: 640, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4} style={{ marginBottom: 4 }}>
        {f.evaluation}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('rater.intro', { group: f.group })}</Typography.Paragraph>
      <Form form={values} layout="vertical" onFinish={(v) => void submit(v)}>
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          {f.units.map((u) => (
            <Card key={u.id} size="small" title={u.name} extra={u.categoryName}>
              <Space wrap>
                {f.items.map((i) => (
                  <Form.Item
                    key={i.id}
                    name={`${u.id}.${i.id}`}
                    label={t('rater.item', { text: i.text, points: i.points })}
                    rules={[{ required: true, message: t('rater.required') }]}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber
                      aria-label={`${u.name} ${i.text}`}
                      min={0}
                      max={Number(i.points)}
                      step={1}
                      inputMode="decimal"
                      style={{ width: 110 }}
                    />
                  </Form.Item>
                ))}
              </Space>
            </Card>
          ))}
          {error && <Alert type="error" showIcon message={error} />}
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('rater.submit')}
          </Button>
        </Space>
      </Form>
    </div>
  );
}
