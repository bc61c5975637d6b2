import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Input, Radio, Result, Space, Spin, Typography } from 'antd';
import { REQUEST_RATINGS, type RequestRating } from '@leitai/core';
import { ApiError } from '../../lib/api';
import { rateRequest, usePublicRequest } from './api';

/** The enterprise contact's page (no account): his 诉求, the lead unit's answer, and his rating of it. */
export function PublicRequestPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('visits');
  const { message } = App.useApp();
  const client = useQueryClient();
  const q = usePublicRequest(code);
  const [rating, setRating] = useState<RequestRating | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async () => {
    if (!rating) return;
    setBusy(true);
    try {
      await rateRequest(code, rating, text);
      setDone(true);
      await client.invalidateQueries({ queryKey: ['visit-public', code] });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const r = q.data;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto', padding: 16, boxSizing: 'border-box' }}>
      <Typography.Title level={4}>{t('public.title')}</Typography.Title>
      {q.isLoading && <Spin />}
      {q.error && <Alert type="error" message={q.error.message} />}
      {r && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title={r.enterpriseName}>
            <Typography.Paragraph>
              【{r.category}】{r.content}
            </Typography.Paragraph>
            <Typography.Text type="secondary">
              {t('public.raised', { date: r.raisedOn })} · {t('public.stage', { stage: r.stage })}
              {r.deadline && ` · ${t('public.deadline', { date: r.deadline })}`}
            </Typography.Text>
          </Card>
          <Card size="small" title={t('public.answer')}>
            {r.answer ? (
              <Typography.Paragraph data-testid="public-answer">{r.answer.text}</Typography.Paragraph>
            ) : (
              t('public.noAnswer')
            )}
          </Card>
          {done ? (
            <Result status="success" title={t('public.thanks')} />
          ) : r.mayRate ? (
            <Card size="small" title={t('public.rate')}>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  value={rating}
                  onChange={(e) => setRating(e.target.value as RequestRating)}
                  options={REQUEST_RATINGS.map((value) => ({ value, label: t(`ratings.${value}`) }))}
                />
                <Input.TextArea
                  rows={3}
                  maxLength={500}
                  placeholder={t('public.comment')}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                />
                <Button type="primary" block disabled={!rating} loading={busy} onClick={() => void submit()}>
                  {t('public.submit')}
                </Button>
              </Space>
            </Card>
          ) : (
            r.rating && <Alert type="info" message={t('public.rated', { rating: t(`ratings.${r.rating}`) })} />
          )}
        </Space>
      )}
    </div>
  );
}
