import { App, Space, Switch, Tooltip, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../lib/api';
import { settingKey } from '../../components/setting-button';

const URL = '/dispatch/settings';
type Settings = { reminderWorkingDays: number; reporterMaySubmit: boolean };

/** The office's switch: may a reporter 报送 without the unit head (otherwise they hand it to the head)? */
export function DirectSubmitSwitch() {
  const { t } = useTranslation('dispatch');
  const { message } = App.useApp();
  const client = useQueryClient();
  const q = useQuery({ queryKey: settingKey(URL), queryFn: () => api.get<Settings>(URL) });
  const change = async (on: boolean) => {
    try {
      await api.put(URL, { ...q.data, reporterMaySubmit: on });
      message.success(t(on ? 'directSubmit.on' : 'directSubmit.off'));
      await client.invalidateQueries({ queryKey: settingKey(URL) });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <Tooltip title={t('directSubmit.hint')}>
      <Space size={4}>
        <Switch
          size="small"
          aria-label={t('directSubmit.label')}
          loading={q.isPending}
          checked={q.data?.reporterMaySubmit ?? false}
          onChange={(on) => void change(on)}
        />
        <Typography.Text>{t('directSubmit.label')}</Typography.Text>
      </Space>
    </Tooltip>
  );
}
