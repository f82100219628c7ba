import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/useSession';

export interface NextActionView {
  kind: string;
  by: string;
  stage?: string | null;
  itemCode?: string | null;
  itemName?: string | null;
  itemNameEn?: string | null;
  department?: string | null;
  theme?: string | null;
  themeName?: string | null;
  themeNameEn?: string | null;
}

/** Of a project's next actions, those of the signed-in person's side (the applicant's, or the role's). */
export function useMyActions<T extends NextActionView>(actions: T[]): T[] {
  return actionsOf(useSession()?.role ?? '', actions);
}

/** Of a project's next actions, those of `role`'s side. */
export function actionsOf<T extends NextActionView>(role: string, actions: T[]): T[] {
  const side = role === 'AGENT' || role === 'APPLICANT' ? 'APPLICANT' : role;
  if (role === 'SUPERVISOR' || role === 'ADMIN') return actions;
  return actions.filter((a) => a.by === side);
}

/** The label of a next action, with the stage and item named in the current language. */
export function useActionLabel() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (a: NextActionView) =>
    // 一次受理 per theme: the theme to hand in, by its name.
    t(a.kind === 'SUBMIT_STAGE' && a.theme ? 'next.SUBMIT_THEME' : `next.${a.kind}`, {
      theme: (en ? a.themeNameEn : a.themeName) ?? a.theme ?? '',
      stage: a.stage ? t(`stage.${a.stage}`) : '',
      item: (en ? a.itemNameEn : a.itemName) ?? a.itemCode ?? '',
    });
}

/** What the signed-in person's side has to do next on a project, in words. */
export function NextActionTags({ actions }: { actions: NextActionView[] }) {
  const { t } = useTranslation();
  const mine = useMyActions(actions);
  const label = useActionLabel();
  if (!mine.length) return <Typography.Text type="secondary">{t('next.none')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {mine.slice(0, 3).map((a, i) => (
        <Tag key={i} color="blue" style={{ whiteSpace: 'normal' }}>
          {label(a)}
        </Tag>
      ))}
      {mine.length > 3 && <Tag>+{mine.length - 3}</Tag>}
    </Space>
  );
}
