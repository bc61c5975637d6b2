import { useNavigate } from 'react-router-dom';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ARENA_KIND_TEMPLATES, ARENA_KINDS, DEFAULT_CRITERIA, type ArenaKind } from '@leitai/core';
import { arenasKey } from './api/get-arenas';
import { unitOptionsQuery } from './api/get-unit-options';
import { campaignOptionsQuery } from './api/get-campaign-options';
import { cadreOptionsQuery } from './api/get-cadre-options';
import { judgeOptionsQuery } from './api/get-judge-options';
import { createArena } from './api/create-arena';
import { ExcelImport } from '../../components/excel-import';
import { useNarrow } from '../../components/use-narrow';

interface ImportedJudge {
  name: string;
  groupId: string;
  unitId: number | null;
  userId: number | null;
}

interface FormValues {
  campaignId?: number;
  title: string;
  kind?: ArenaKind;
  heldOn: Dayjs;
  speakingMinutes: number;
  criteria: { id: string; max: number }[];
  contestants?: number[];
  people?: number[];
  groups: { id: string; weight: number }[];
  judges?: { name: string; groupId: string; unitId?: number }[];
  accounts?: { userId: number; groupId: string }[];
}

/**
 * Setting an arena up. A kind (一把手擂台, 书记擂台 …) fills in its template's criteria, which the office may edit,
 * and says who stands on stage: units, or people from the cadre register each standing for their unit.
 */
export function CreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('arena');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const narrow = useNarrow();
  const kind = Form.useWatch('kind', form);
  const byPerson = kind !== undefined && ARENA_KIND_TEMPLATES[kind].contestants === 'person';
  const units = useQuery({ ...unitOptionsQuery(), enabled: open });
  const cadres = useQuery({ ...cadreOptionsQuery(), enabled: open && byPerson });
  const accounts = useQuery({ ...judgeOptionsQuery(), enabled: open });
  const accountOptions = (accounts.data ?? []).map((a) => ({
    value: a.id,
    label: t('create.accountOption', { name: a.name, unit: a.unitName }),
  }));
  // The arena's scores feed its campaign's evaluation; an arena may also stand alone.
  const campaigns = useQuery({ ...campaignOptionsQuery(), enabled: open });
  const groups = Form.useWatch('groups', form) ?? [];
  const options = (units.data ?? []).map((u) => ({
    value: u.id,
    label: u.category ? t('create.unitOption', { name: u.name, category: u.category }) : u.name,
  }));
  const people = (cadres.data?.items ?? []).map((c) => ({
    value: c.id,
    label: t('create.personOption', { name: c.name, unit: c.unit.name, post: c.post }),
  }));
  const chooseKind = (k: ArenaKind | undefined) =>
    form.setFieldsValue({
      criteria: (k === undefined ? DEFAULT_CRITERIA : ARENA_KIND_TEMPLATES[k].criteria).map((c) => ({ ...c })),
    });
  // Judges read from a sheet join those already filled in (the empty first row goes); a group the sheet names
  // that the arena lacks is added, and its weight left for the office to set.
  const fillJudges = (result: unknown) => {
    const { judges } = result as { judges: ImportedJudge[] };
    const v = form.getFieldsValue();
    const known = new Set((v.groups ?? []).map((g) => g.id));
    const added = [...new Set(judges.map((j) => j.groupId))].filter((g) => !known.has(g));
    form.setFieldsValue({
      groups: [...(v.groups ?? []), ...added.map((id) => ({ id, weight: 0.1 }))],
      judges: [
        ...(v.judges ?? []).filter((j) => j?.name),
        ...judges
          .filter((j) => j.userId === null)
          .map((j) => ({ name: j.name, groupId: j.groupId, unitId: j.unitId ?? undefined })),
      ],
      accounts: [
        ...(v.accounts ?? []).filter((a) => a?.userId),
        ...judges.flatMap((j) => (j.userId === null ? [] : [{ userId: j.userId, groupId: j.groupId }])),
      ],
    });
    if (added.length > 0) message.warning(t('create.importedGroups', { groups: added.join('、') }));
  };
  const submit = async (v: FormValues) => {
    try {
      const { id } = await createArena({
        campaignId: v.campaignId ?? null,
        title: v.title,
        kind: v.kind ?? null,
        heldOn: v.heldOn.format('YYYY-MM-DD'),
        speakingSeconds: Math.round(v.speakingMinutes * 60),
        criteria: v.criteria,
        groups: v.groups,
        contestants: byPerson
          ? (v.people ?? []).map((cadreId) => ({ kind: 'person' as const, cadreId }))
          : (v.contestants ?? []).map((unitId) => ({ unitId })),
        judges: [
          ...(v.judges ?? []).map((j) => ({ name: j.name, groupId: j.groupId, unitId: j.unitId ?? null })),
          ...(v.accounts ?? []).map((a) => ({ userId: a.userId, groupId: a.groupId })),
        ],
      });
      message.success(t('create.created'));
      void client.invalidateQueries({ queryKey: arenasKey });
      onClose();
      void navigate(`/arenas/${id}/host`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={narrow ? '100%' : 720}
      title={t('create.title')}
      extra={
        <Button type="primary" onClick={() => form.submit()}>
          {t('create.submit')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          speakingMinutes: 5,
          criteria: DEFAULT_CRITERIA.map((c) => ({ ...c })),
          groups: [
            { id: t('create.defaultGroups.leaders'), weight: 0.5 },
            { id: t('create.defaultGroups.experts'), weight: 0.3 },
            { id: t('create.defaultGroups.public'), weight: 0.2 },
          ],
          judges: [{ name: '', groupId: t('create.defaultGroups.leaders') }],
        }}
      >
        <Form.Item name="campaignId" label={t('create.campaign')} extra={t('create.campaignHint')}>
          <Select
            allowClear
            placeholder={t('list.noCampaign')}
            loading={campaigns.isLoading}
            options={(campaigns.data?.campaigns ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('create.kind')} extra={t('create.kindHint')}>
          <Select
            allowClear
            data-testid="arena-kind"
            placeholder={t('create.kindNone')}
            onChange={(k: ArenaKind | undefined) => chooseKind(k)}
            options={ARENA_KINDS.map((k) => ({ value: k, label: t(`create.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('create.name')}
          rules={[{ required: true, message: t('create.nameRequired') }]}
        >
          <Input placeholder={t('create.namePlaceholder')} />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="heldOn"
            label={t('create.heldOn')}
            rules={[{ required: true, message: t('create.heldOnRequired') }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="speakingMinutes" label={t('create.speakingMinutes')} rules={[{ required: true }]}>
            <InputNumber min={0.5} max={60} step={0.5} />
          </Form.Item>
        </Space>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <Form.Item label={t('create.criteria')}>
              <Space wrap>
                {fields.map((f) => (
                  <Space.Compact key={f.key}>
                    <Form.Item noStyle name={[f.name, 'id']} rules={[{ required: true }]}>
                      <Input
                        style={{ width: 110 }}
                        placeholder={t('create.criterionName')}
                        aria-label={t('create.criterionName')}
                      />
                    </Form.Item>
                    <Form.Item noStyle name={[f.name, 'max']} rules={[{ required: true }]}>
                      <InputNumber
                        style={{ width: 70 }}
                        min={1}
                        max={1000}
                        placeholder={t('create.criterionMaxLabel')}
                        aria-label={t('create.criterionMaxLabel')}
                      />
                    </Form.Item>
                    <Button icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
                  </Space.Compact>
                ))}
                <Button type="dashed" onClick={() => add({ id: '', max: 10 })} icon={<PlusOutlined />}>
                  {t('create.addCriterion')}
                </Button>
              </Space>
            </Form.Item>
          )}
        </Form.List>
        {byPerson ? (
          <Form.Item
            name="people"
            label={t('create.people')}
            rules={[{ required: true, message: t('create.peopleRequired') }]}
          >
            <Select
              mode="multiple"
              data-testid="arena-people"
              loading={cadres.isLoading}
              options={people}
              optionFilterProp="label"
              placeholder={t('create.peoplePlaceholder')}
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="contestants"
            label={t('create.contestants')}
            rules={[{ required: true, message: t('create.contestantsRequired') }]}
          >
            <Select
              mode="multiple"
              options={options}
              optionFilterProp="label"
              placeholder={t('create.contestantsPlaceholder')}
            />
          </Form.Item>
        )}
        <Form.List name="groups">
          {(fields, { add, remove }) => (
            <Form.Item label={t('create.groups')}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'id']} rules={[{ required: true, message: t('create.groupName') }]}>
                    <Input placeholder={t('create.groupName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: t('create.weight') }]}>
                    <InputNumber min={0.01} max={1} step={0.05} data-testid={`group-weight-${f.name}`} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ id: '', weight: 0.1 })} icon={<PlusOutlined />}>
                {t('create.addGroup')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.List name="judges">
          {(fields, { add, remove }) => (
            <Form.Item label={t('create.outsideJudges')}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('create.judgeName') }]}>
                    <Input placeholder={t('create.judgeName')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'groupId']} rules={[{ required: true, message: t('create.judgeGroup') }]}>
                    <Select
                      style={{ width: 130 }}
                      options={groups.filter((g) => g?.id).map((g) => ({ value: g.id, label: g.id }))}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'unitId']}>
                    <Select
                      style={{ width: 200 }}
                      allowClear
                      showSearch
                      optionFilterProp="label"
                      placeholder={t('create.judgeUnit')}
                      options={options}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ name: '', groupId: groups[0]?.id })} icon={<PlusOutlined />}>
                {t('create.addJudge')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.List name="accounts">
          {(fields, { add, remove }) => (
            <Form.Item label={t('create.accountJudges')}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'userId']} rules={[{ required: true, message: t('create.accountJudge') }]}>
                    <Select
                      style={{ width: 330 }}
                      showSearch
                      optionFilterProp="label"
                      placeholder={t('create.accountJudge')}
                      loading={accounts.isLoading}
                      options={accountOptions}
                      data-testid={`account-judge-${f.name}`}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'groupId']} rules={[{ required: true, message: t('create.judgeGroup') }]}>
                    <Select
                      style={{ width: 130 }}
                      options={groups.filter((g) => g?.id).map((g) => ({ value: g.id, label: g.id }))}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                onClick={() => add({ groupId: groups[0]?.id })}
                icon={<PlusOutlined />}
                data-testid="add-account-judge"
              >
                {t('create.addAccountJudge')}
              </Button>
            </Form.Item>
          )}
        </Form.List>
        <Form.Item extra={t('create.importJudgesHint')}>
          <ExcelImport
            title={t('create.importJudges')}
            templateUrl="/arenas/options/judges/template"
            importUrl="/arenas/options/judges/import"
            describeResult={(r) => t('create.importedJudges', { count: (r as { judges: unknown[] }).judges.length })}
            onImported={fillJudges}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
