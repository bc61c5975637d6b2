import { Segmented } from 'antd';
import { LANGUAGES, useLanguage, type Language } from '../i18n';

const options = (Object.keys(LANGUAGES) as Language[]).map((value) => ({ value, label: LANGUAGES[value] }));

/** 简体中文 | English, for pages outside the shell (the signed-in user switches in the user menu). */
export function LanguageSwitch() {
  const [language, setLanguage] = useLanguage();
  return (
    <Segmented<Language>
      size="small"
      value={language}
      options={options}
      onChange={setLanguage}
      data-testid="language-switch"
    />
  );
}
