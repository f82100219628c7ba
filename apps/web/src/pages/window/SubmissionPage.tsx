import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  List,
  Result,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useDepartments } from '../../api/catalog';
import { ApiError } from '../../api/client';
import { useMaterials, useRequirements } from '../../api/materials';
import { projectCommands, useProject, useProjectCommand } from '../../api/projects';
import type {
  Acceptance,
  CommandInput,
  ItemMaterials,
  RequirementMaterial,
  StageCode,
} from '../../api/types';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { MaterialBlock } from '../../components/materials/MaterialBlock';
import { useLocalName } from '../../components/materials/MaterialTags';
import { handInCount, toHandIn } from '../../components/materials/rules';
import { useNames } from '../../components/names';
import { useTones } from '../../components/tones';
import { AcceptanceModal, type Decide } from './AcceptanceModal';
import { PreReviewedNote } from './PreReviewed';
import type { WindowDone } from './WindowDone';

/**
 * The window's check of one submitted stage: each item's materials against its list and the
 * acceptance standards, any file opened; then accept, accept with deficiency (容缺) naming what
 * follows by when, or return naming what to hand in or correct.
 */
export function Component() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const { projectId = '', stage = '' } = useParams();
  const navigate = useNavigate();
  const tones = useTones();
  const name = useLocalName();
  const depts = useDepartments();
  const names = useNames();
  const report = useProject(projectId);
  const list = useMaterials(projectId);
  const reqs = useRequirements(projectId);
  const [open, setOpen] = useState<{ decide: Decide; group: number } | null>(null);
  const cmd = useProjectCommand(projectId, ({ values, key }: CommandInput<Acceptance>) =>
    projectCommands.decideAcceptance(projectId, stage as StageCode, values, key),
  );
  const decided = (how: Decide): WindowDone => ({
    how,
    projectId,
    stage: stage as StageCode,
    project: report.data?.name ?? '',
  });
  if (report.error instanceof ApiError && report.error.status < 500)
    return <Result status="404" title={t('project.notFound')} />;
  if (!report.data || !list.data)
    return report.error || list.error ? (
      <ApiErrorAlert error={report.error ?? list.error} />
    ) : (
      <Skeleton active />
    );
  const r = report.data;
  const st = r.stages.find((s) => s.code === stage);
  if (!st) return <Result status="404" title={t('app.notFound')} />;
  const items = list.data.items.filter((i) => i.stage === stage && i.status === 'SUBMITTED');
  const requirement = new Map<string, RequirementMaterial>(
    (reqs.data?.stages ?? []).flatMap((s) =>
      s.items.flatMap((i) => i.materials.map((m) => [`${i.code}/${m.code}`, m] as const)),
    ),
  );
  const itemName = names.itemsOf(r);
  const missingOf = (of: ItemMaterials[]) =>
    of.flatMap((item) => item.materials.filter(toHandIn).map((m) => ({ item, m })));
  // 一次受理 per theme: each theme handed in is decided on its own; else the stage as a whole.
  const label = (th: { name: string; nameEn: string }) => (en ? th.nameEn : th.name);
  const groups: { theme?: { code: string; label: string }; items: ItemMaterials[] }[] =
    r.acceptPerTheme
      ? st.themes
          .filter((th) => th.acceptance?.status === 'SUBMITTED')
          .map((th) => ({
            theme: { code: th.code, label: label(th) },
            items: items.filter((i) => th.items.some((x) => x.code === i.code)),
          }))
      : [{ items }];
  const waiting = r.acceptPerTheme
    ? st.themes.filter((th) => !['SUBMITTED', 'ACCEPTED'].includes(th.acceptance?.status ?? ''))
    : [];
  const title = t('windowReview.title', { project: r.name, stage: t(`stage.${stage}`) });
  const submitted = r.acceptPerTheme ? groups.length > 0 : st.status === 'SUBMITTED';

  const itemCard = (im: ItemMaterials) => {
    const c = handInCount(im);
    return (
      <Card
        key={im.code}
        size="small"
        style={{ marginBottom: 12 }}
        title={
          <Space wrap size={4}>
            <h3 style={{ fontSize: 15, margin: 0 }}>{name(im)}</h3>
            <Typography.Text type="secondary">{depts.name(im.department)}</Typography.Text>
          </Space>
        }
        extra={
          <Tag color={c.missing ? tones.warn : tones.good}>
            {c.missing
              ? t('windowReview.incomplete', { n: c.missing })
              : t('windowReview.complete')}
          </Tag>
        }
      >
        <List
          dataSource={im.materials}
          renderItem={(m) => (
            <List.Item key={m.code} style={{ paddingInline: 0 }}>
              <MaterialBlock
                m={m}
                requirement={requirement.get(`${im.code}/${m.code}`)}
                itemName={itemName}
              />
            </List.Item>
          )}
        />
      </Card>
    );
  };

  const actions = (group: number) => {
    const missing = missingOf(groups[group].items);
    return (
      submitted && (
        <Space wrap>
          <Button
            type="primary"
            disabled={missing.length > 0}
            onClick={() => setOpen({ decide: 'ACCEPT', group })}
          >
            {t('windowReview.accept')}
          </Button>
          <Button
            disabled={!missing.some((x) => x.m.deficiencyAllowed)}
            onClick={() => setOpen({ decide: 'DEFICIENCY', group })}
          >
            {t('windowReview.acceptWithDeficiency')}
          </Button>
          <Button danger onClick={() => setOpen({ decide: 'RETURN', group })}>
            {t('windowReview.return')}
          </Button>
        </Space>
      )
    );
  };
  const anyMissing = groups.some((g) => missingOf(g.items).length > 0);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/window">{t('nav.window')}</Link> },
          { title: <Link to={`/projects/${r.id}`}>{r.name}</Link> },
          { title: t(`stage.${stage}`) },
        ]}
      />
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22, overflowWrap: 'anywhere' }}>
        {title}
      </Typography.Title>
      <Typography.Text type="secondary">{t('windowReview.hint')}</Typography.Text>
      {!submitted && (
        <Alert
          role="note"
          type="info"
          showIcon
          message={t('windowReview.notSubmitted')}
          action={<Link to="/window">{t('windowReview.back')}</Link>}
        />
      )}
      <PreReviewedNote stage={st} />
      {submitted && anyMissing && (
        <Alert role="note" type="warning" showIcon message={t('windowReview.cannotAccept')} />
      )}
      {r.acceptPerTheme && (
        <Alert
          role="note"
          type="info"
          showIcon
          message={t('windowReview.perTheme')}
          description={
            waiting.length > 0 &&
            t('windowReview.themeWaiting', {
              themes: waiting.map(label).join(t('common.separator')),
            })
          }
        />
      )}
      {groups.map((g, n) => (
        <Space key={g.theme?.code ?? n} direction="vertical" size="small" style={{ width: '100%' }}>
          {g.theme && (
            <Typography.Title level={3} style={{ fontSize: 17, margin: 0 }}>
              {g.theme.label}
            </Typography.Title>
          )}
          {actions(n)}
          {g.items.map(itemCard)}
          {g.items.length > 3 && actions(n)}
        </Space>
      ))}
      {open && (
        <AcceptanceModal
          decide={open.decide}
          stage={stage as StageCode}
          theme={groups[open.group]?.theme}
          missing={missingOf(groups[open.group]?.items ?? [])}
          items={groups[open.group]?.items ?? []}
          command={cmd}
          onClose={() => setOpen(null)}
          onDone={() => void navigate('/window', { state: decided(open.decide) })}
        />
      )}
    </Space>
  );
}
