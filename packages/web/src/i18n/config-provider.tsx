import type { ReactNode } from 'react';
import { ConfigProvider, type ConfigProviderProps } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { useLanguage } from './index';
import type { Language } from './language';

const ANTD_LOCALES: Record<Language, ConfigProviderProps['locale']> = { 'zh-CN': zhCN, en: enUS };

/** Ant Design's own words (pagination, date pickers, empty states) in the interface's language. */
export function LocalisedConfigProvider({
  children,
  ...props
}: Omit<ConfigProviderProps, 'locale'> & { children: ReactNode }) {
  const [language] = useLanguage();
  return (
    <ConfigProvider {...props} locale={ANTD_LOCALES[language]}>
      {children}
    </ConfigProvider>
  );
}
