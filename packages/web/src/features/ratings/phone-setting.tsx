import { App, Space, Switch, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RatingSettings } from '@leitai/core';
import { api, ApiError } from '../../lib/api';
import { ratingsKey } from './api/keys';

const key = [...ratingsKey, 'settings'] as const;

/** The office's switch: a real-name bad rating's phone must be verified by an SMS code (off by default). */
export function PhoneVerificationSetting() {
  const { t } = useTranslation('ratings');
  const { message } = App.useApp();
  const client = useQueryClient();
  const { data } = useQuery({ queryKey: key, queryFn: () => api.get<RatingSettings>('/ratings/settings') });
  const save = async (on: boolean) => {
    if (!data) return;
    try {
      await api.put('/ratings/settings', { ...data, requireVerifiedPhone: on });
      message.success(on ? t('verifiedPhone.on') : t('verifiedPhone.off'));
      await client.invalidateQueries({ queryKey: key });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('failed'));
    }
  };
  return (
    <Space align="start" style={{ marginBottom: 16 }}>
      <Switch
        id="verified-phone"
        checked={data?.requireVerifiedPhone ?? false}
        disabled={!data}
        onChange={(on) => void save(on)}
      />
      <label htmlFor="verified-phone">
        <Typography.Text>{t('verifiedPhone.label')}</Typography.Text>
        <br />
        <Typography.Text type="secondary">{t('verifiedPhone.hint')}</Typography.Text>
      </label>
    </Space>
  );
}
