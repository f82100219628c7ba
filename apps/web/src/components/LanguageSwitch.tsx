import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Lang, setLang } from '../i18n';

/** 中文 / English, remembered in this browser. */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Segmented<Lang>
      aria-label={t('app.language')}
      size="small"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
      onChange={(v) => setLang(v)}
    />
  );
}
