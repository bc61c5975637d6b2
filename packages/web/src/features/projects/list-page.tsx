import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { App, Button, Flex, Input, Select, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { PROJECT_KINDS, type ProjectCard, type ProjectKind } from '@leitai/core';
import { ApiError } from '../../lib/api';
import { useCan } from '../../lib/session';
import { Page } from '../../components/page';
import { ExcelImport } from '../../components/excel-import';
import { exportRegister, projectsKey, useProjects } from './api';
import { CardTag } from './card-tag';
import { ProjectsNav, useYear, withYear } from './nav';
import { NewProjectButton } from './project-form';
import { ProjectSettingsButton } from './settings-button';
import type { ProjectRow } from './types';

const CARDS: ProjectCard[] = ['green', 'yellow', 'red', 'overdue', 'pending'];

export interface RowFilter {
  unitId?: number | undefined;
  leaderId?: number | undefined;
  kind?: ProjectKind | undefined;
  card?: ProjectCard | undefined;
  q?: string | undefined;
}

/** The filters the register and the map share; options come from the rows the viewer may see. */
export function useRowFilter<R extends ProjectRow>(rows: R[] | undefined) {
  const { t } = useTranslation('projects');
  const [f, setF] = useState<RowFilter>({});
  const units = useMemo(
    () =>
      [...new Map((rows ?? []).map((r) => [r.unit.id, r.unit.name])).entries()].sort((a, b) =>
        a[1].localeCompare(b[1], 'zh'),
      ),
    [rows],
  );
  const leaders = useMemo(
    () => [
      ...new Map((rows ?? []).flatMap((r) => (r.leader ? [[r.leader.id, r.leader.name] as const] : []))).entries(),
    ],
    [rows],
  );
  const filtered = useMemo(
    () =>
      (rows ?? []).filter(
        (r) =>
          (f.unitId === undefined || r.unit.id === f.unitId) &&
          (f.leaderId === undefined || r.leader?.id === f.leaderId) &&
          (f.kind === undefined || r.kind === f.kind) &&
          (f.card === undefined || r.card === f.card) &&
          (!f.q || r.name.includes(f.q) || r.code.includes(f.q)),
      ),
    [rows, f],
  );
  const bar = (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Input.Search
        placeholder={t('list.search')}
        allowClear
        style={{ width: 200 }}
        onSearch={(q) => setF({ ...f, q: q || undefined })}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('list.allUnits')}
        style={{ width: 200 }}
        options={units.map(([value, label]) => ({ value, label }))}
        onChange={(unitId?: number) => setF({ ...f, unitId })}
      />
      <Select
        allowClear
        placeholder={t('list.allLeaders')}
        style={{ width: 130 }}
        options={leaders.map(([value, label]) => ({ value, label }))}
        onChange={(leaderId?: number) => setF({ ...f, leaderId })}
      />
      <Select
        allowClear
        placeholder={t('list.allKinds')}
        style={{ width: 130 }}
        options={PROJECT_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
        onChange={(kind?: ProjectKind) => setF({ ...f, kind })}
      />
      <Select
        allowClear
        aria-label={t('fields.card')}
        placeholder={t('list.allCards')}
        style={{ width: 130 }}
        options={CARDS.map((value) => ({ value, label: t(`cards.${value}`) }))}
        onChange={(card?: ProjectCard) => setF({ ...f, card })}
      />
    </Flex>
  );
  return { filtered, bar };
}

/** 重点项目库: the register the viewer may see (the office all, a unit its own, a leader his), with its month's cards. */
export function ProjectListPage() {
  const year = useYear();
  const q = useProjects(year);
  const can = useCan();
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation('projects');
  const { filtered, bar } = useRowFilter(q.data?.rows);
  const exportExcel = async () => {
    try {
      await exportRegister(year);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('list.exportFailed'));
    }
  };
  return (
    <Page
      title={t('list.title')}
      subtitle={q.data ? t('list.subtitle', { period: q.data.period ?? year, count: q.data.rows.length }) : undefined}
      extra={
        <>
          <ProjectsNav />
          {can('project.manage') && (
            <ExcelImport
              title={t('list.import')}
              templateUrl={`/projects/import/template?year=${year}`}
              importUrl={`/projects/import?year=${year}`}
              describeResult={(r) => t('list.imported', { count: (r as { created: number }).created })}
              onImported={() => void client.invalidateQueries({ queryKey: projectsKey })}
            />
          )}
          {can('project.manage') && <NewProjectButton year={year} />}
          {can('project.manage') && <ProjectSettingsButton />}
          <Button icon={<DownloadOutlined />} onClick={() => void exportExcel()}>
            {t('list.export')}
          </Button>
        </>
      }
    >
      {bar}
      <Table<ProjectRow>
        rowKey="id"
        size="small"
        loading={q.isLoading}
        dataSource={filtered}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('fields.code'), dataIndex: 'code', width: 120 },
          {
            title: t('fields.name'),
            key: 'name',
            render: (_, r) => (
              <Link to={withYear(`/projects/${r.id}`, year)}>
                {r.name}
                {r.planVersion !== null && r.planVersion > 1 && (
                  <Typography.Text type="secondary"> · {t('list.version', { version: r.planVersion })}</Typography.Text>
                )}
              </Link>
            ),
          },
          { title: t('fields.kind'), key: 'kind', width: 100, render: (_, r) => t(`kinds.${r.kind}`) },
          { title: t('fields.unit'), key: 'unit', width: 150, render: (_, r) => r.unit.name },
          { title: t('fields.leader'), key: 'leader', width: 90, render: (_, r) => r.leader?.name ?? '—' },
          { title: t('fields.stage'), key: 'stage', width: 90, render: (_, r) => t(`stages.${r.stage}`) },
          { title: t('fields.yearPlan'), dataIndex: 'yearPlan', width: 110, align: 'right' },
          { title: t('fields.completed'), dataIndex: 'completed', width: 110, align: 'right' },
          {
            title: t('fields.percent'),
            key: 'pct',
            width: 90,
            align: 'right',
            render: (_, r) => (r.completedPercent === null ? '—' : `${r.completedPercent}%`),
          },
          { title: t('fields.card'), key: 'card', width: 90, render: (_, r) => <CardTag card={r.card} /> },
        ]}
      />
    </Page>
  );
}
