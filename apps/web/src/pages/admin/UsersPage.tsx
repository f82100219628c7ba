import { Alert, Button, Card, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type User, useCreateUser, useUpdateUser, useUsers } from '../../api/admin';
import { useDepartments } from '../../api/catalog';
import { ROLES } from '../../api/enums';
import type { Role } from '../../api/types';
import { ApiErrorAlert, type FieldMap, showFieldErrors } from '../../components/ApiErrorAlert';
import { DataTable } from '../../components/DataTable';
import { useTones } from '../../components/tones';
import { useRegionLabel } from '../../components/RegionField';
import { AccountFields, needsDepartment, needsOrganisation, needsRegion } from './AccountFields';

/** The API's fields this page's form shows (a refusal naming one is shown next to it). */
const FIELDS: FieldMap = {
  username: ['username'],
  displayName: ['displayName'],
  organisation: ['organisation'],
  department: ['department'],
  region: ['region'],
  email: ['email'],
};
interface UserForm {
  username: string;
  displayName: string;
  role: Role;
  organisation?: string;
  department?: string;
  region?: string;
  agentTeam?: boolean;
  email?: string;
}

function EditUser({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserForm>();
  const role = Form.useWatch('role', form);
  const save = useUpdateUser();
  useEffect(() => {
    showFieldErrors(form, save.error, FIELDS);
  }, [save.error, form]);
  return (
    <Modal
      open
      title={t('accounts.editTitle', { username: user.username })}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<UserForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={user}
        onFinish={(v) =>
          save.mutate(
            {
              username: user.username,
              body: {
                role: v.role,
                organisation: needsOrganisation(v.role) ? v.organisation : null,
                department: needsDepartment(v.role) ? v.department : null,
                ...(needsRegion(v.role) && v.region ? { region: v.region } : {}),
                ...(v.role === 'AGENT' ? { agentTeam: !!v.agentTeam } : {}),
              },
            },
            { onSuccess: onClose },
          )
        }
      >
        <AccountFields role={role} />
        <ApiErrorAlert error={save.error} fields={FIELDS} />
      </Form>
    </Modal>
  );
}

/** Users: create with a one-time password, change role or department, disable. */
export function Component() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const regions = useRegionLabel();
  const tones = useTones();
  const [filter, setFilter] = useState<{ role?: Role; q?: string }>({});
  const [editing, setEditing] = useState<User | null>(null);
  const [form] = Form.useForm<UserForm>();
  const role = Form.useWatch('role', form);
  const list = useUsers({
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.q ? { q: filter.q } : {}),
  });
  const create = useCreateUser();
  const toggle = useUpdateUser();
  useEffect(() => {
    showFieldErrors(form, create.error, FIELDS);
  }, [create.error, form]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
        {t('accounts.usersTitle')}
      </Typography.Title>
      <Space wrap>
        <Select<Role>
          allowClear
          aria-label={t('accounts.filterRole')}
          placeholder={t('accounts.filterRole')}
          style={{ minWidth: 180 }}
          value={filter.role}
          onChange={(r) => setFilter((f) => ({ ...f, role: r }))}
          options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
        />
        <Input.Search
          allowClear
          aria-label={t('accounts.search')}
          placeholder={t('accounts.search')}
          onSearch={(q) => setFilter((f) => ({ ...f, q: q || undefined }))}
          style={{ width: 240 }}
        />
      </Space>
      <ApiErrorAlert error={list.error ?? toggle.error} />
      <DataTable<User>
        size="small"
        rowKey="username"
        loading={list.isLoading}
        pagination={{ pageSize: 20 }}
        dataSource={list.data?.items ?? []}
        columns={[
          { title: t('accounts.username'), dataIndex: 'username', key: 'username' },
          { title: t('accounts.displayName'), dataIndex: 'displayName', key: 'displayName' },
          {
            title: t('accounts.role'),
            dataIndex: 'role',
            key: 'role',
            render: (r: Role) => t(`role.${r}`),
          },
          {
            title: t('accounts.unit'),
            key: 'unit',
            render: (_: unknown, u: User) =>
              u.department ? departments.name(u.department) : (u.organisation ?? '—'),
          },
          {
            title: t('accounts.region'),
            key: 'region',
            render: (_: unknown, u: User) => (u.region ? regions.of(u.region) : '—'),
          },
          {
            title: t('accounts.state'),
            key: 'state',
            render: (_: unknown, u: User) => (
              <Space size={4} wrap>
                {u.disabled ? (
                  <Tag color={tones.muted}>{t('accounts.disabled')}</Tag>
                ) : (
                  <Tag color={tones.good}>{t('accounts.active')}</Tag>
                )}
                {u.mustChangePassword && <Tag color={tones.warn}>{t('accounts.initial')}</Tag>}
                {u.agentTeam && <Tag color={tones.info}>{t('accounts.agentTeam')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('accounts.actions'),
            key: 'actions',
            render: (_: unknown, u: User) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => setEditing(u)}>
                  {t('accounts.edit')}
                </Button>
                <Button
                  size="small"
                  danger={!u.disabled}
                  loading={toggle.isPending && toggle.variables?.username === u.username}
                  onClick={() =>
                    toggle.mutate({ username: u.username, body: { disabled: !u.disabled } })
                  }
                >
                  {u.disabled ? t('accounts.enable') : t('accounts.disable')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && <EditUser user={editing} onClose={() => setEditing(null)} />}
      <Card
        size="small"
        title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('accounts.newUser')}</h2>}
      >
        <Form<UserForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          style={{ maxWidth: 520 }}
          onFinish={(v) =>
            !create.isPending &&
            create.mutate(
              {
                username: v.username,
                displayName: v.displayName,
                role: v.role,
                ...(needsOrganisation(v.role) ? { organisation: v.organisation } : {}),
                ...(needsDepartment(v.role) ? { department: v.department } : {}),
                ...(needsRegion(v.role) && v.region ? { region: v.region } : {}),
                ...(v.role === 'AGENT' && v.agentTeam ? { agentTeam: true } : {}),
                ...(v.email ? { email: v.email } : {}),
              },
              { onSuccess: () => form.resetFields() },
            )
          }
        >
          <Form.Item
            name="username"
            label={t('accounts.username')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('accounts.displayName')}
            rules={[{ required: true, message: t('common.required') }]}
          >
            <Input />
          </Form.Item>
          <AccountFields role={role} />
          <Form.Item name="email" label={t('accounts.email')}>
            <Input type="email" />
          </Form.Item>
          <ApiErrorAlert error={create.error} fields={FIELDS} />
          {create.data?.initialPassword && (
            <Alert
              type="success"
              showIcon
              role="status"
              style={{ marginBottom: 12 }}
              message={t('accounts.created', { username: create.data.user.username })}
              description={
                <>
                  {t('accounts.initialPassword')}{' '}
                  <Typography.Text code copyable aria-label={t('accounts.initialPassword')}>
                    {create.data.initialPassword}
                  </Typography.Text>
                  <div>{t('accounts.shownOnce')}</div>
                </>
              }
            />
          )}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('accounts.createUser')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}
