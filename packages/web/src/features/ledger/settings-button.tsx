import { useTranslation } from 'react-i18next';
import { SettingButton } from '../../components/setting-button';
import { ledgerKey } from './api/keys';

/** 提醒设置: the office sets how many days before a deadline an item turns yellow (临期). */
export function LedgerSettingsButton() {
  const { t } = useTranslation('ledger');
  return (
    <SettingButton
      setting={{
        url: '/ledger/settings',
        field: 'yellowDays',
        min: 0,
        max: 30,
        refresh: [ledgerKey],
        labels: {
          button: t('settings.open'),
          title: t('settings.title'),
          label: t('settings.yellowDays'),
          hint: t('settings.yellowHint'),
          unit: t('settings.days'),
          required: t('settings.required'),
          saved: t('settings.saved'),
        },
      }}
    />
  );
}
