import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { Page } from '../../components/page';
import { CoverageTab } from './coverage-tab';
import { EnterprisesTab } from './enterprises-tab';
import { RequestsTab } from './requests-tab';

/** 万企走访 for the office and leaders: the register, the 诉求 and the coverage, one tab each (kept in the URL). */
export function VisitsOfficePage() {
  const { t } = useTranslation('visits');
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'enterprises';
  return (
    <Page title={t('office.title')} subtitle={t('office.subtitle')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key })}
        destroyOnHidden
        items={[
          { key: 'enterprises', label: t('office.tabs.enterprises'), children: <EnterprisesTab /> },
          { key: 'requests', label: t('office.tabs.requests'), children: <RequestsTab /> },
          { key: 'coverage', label: t('office.tabs.coverage'), children: <CoverageTab /> },
        ]}
      />
    </Page>
  );
}
