import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Alert, App, Button, Col, DatePicker, Divider, Form, Input, Modal, Row, Select } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { MILESTONES, PROJECT_KINDS, type Milestone } from '@leitai/core';
import { ApiError } from '../../lib/api';
import { createProject, projectChoicesQuery, projectsKey, updateProject, type ProjectFacts } from './api';
import { withYear } from './nav';
import type { ProjectDetail } from './types';

/** The form's fields: the register's facts (coordinates typed as text), and for a new project its code and plan. */
type Values = Omit<ProjectFacts, 'lng' | 'lat'> & {
  code: string;
  lng: string;
  lat: string;
  yearPlan: string;
  milestones: Partial<Record<Milestone, Dayjs | null>>;
};

const AMOUNT = /^\d{1,9}(\.\d{1,4})?$/;

/**
 * One project by hand, where the Excel template would be too much: a new one with its year's baseline plan,
 * or the register's facts of an existing one (its plan changes only by a request the office approves).
 * What the server refuses is shown in the dialog, every field kept.
 */
function ProjectDialog({ year, project, onClose }: { year: number; project?: ProjectDetail; onClose: () => void }) {
  const { t } = useTranslation('projects');
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const choices = useQuery(projectChoicesQuery);
  const client = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  useEffect(() => {
    if (!project) return;
    form.setFieldsValue({
      name: project.name,
      kind: project.kind,
      totalInvestment: project.totalInvestment,
      unitId: project.unit.id,
      coUnitIds: project.coUnits.map((u) => u.id),
      leaderId: project.leader?.id ?? null,
      deputyLeaderId: project.deputyLeader?.id ?? null,
      owner: project.owner,
      manager: project.manager,
      location: project.location,
      lng: project.lng ?? '',
      lat: project.lat ?? '',
    });
  }, [project, form]);
  const units = (choices.data?.units ?? []).map((u) => ({ value: u.id, label: u.name }));
  const leaders = (choices.data?.leaders ?? []).map((u) => ({ value: u.id, label: u.name }));
  const save = async (v: Values) => {
    setSaving(true);
    setError(null);
    const facts = {
      name: v.name,
      kind: v.kind,
      totalInvestment: v.totalInvestment,
      unitId: v.unitId,
      coUnitIds: v.coUnitIds ?? [],
      leaderId: v.leaderId ?? null,
      deputyLeaderId: v.deputyLeaderId ?? null,
      owner: v.owner ?? '',
      manager: v.manager ?? '',
      location: v.location ?? '',
      lng: v.lng ? v.lng : null,
      lat: v.lat ? v.lat : null,
    };
    try {
      if (project) {
        await updateProject(project.id, { ...facts, version: project.version });
        message.success(t('form.saved'));
      } else {
        const milestones = Object.fromEntries(
          Object.entries(v.milestones ?? {}).flatMap(([m, d]) => (d ? [[m, d.format('YYYY-MM-DD')]] : [])),
        );
        const { id } = await createProject({
          code: v.code,
          ...facts,
          year,
          plan: { yearPlan: v.yearPlan, monthly: null, milestones },
        });
        message.success(t('form.created'));
        void navigate(withYear(`/projects/${id}`, year));
      }
      await client.invalidateQueries({ queryKey: projectsKey });
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : t('errors.failed'));
    } finally {
      setSaving(false);
    }
  };
  const required = (what: string) => ({ required: true, message: t('form.required', { what }) });
  const choose = (what: string) => ({ required: true, message: t('form.choose', { what }) });
  const amount = (what: string) => ({ pattern: AMOUNT, message: t('form.amount', { what }) });
  return (
    <Modal
      open
      width={760}
      title={project ? t('form.editTitle', { code: project.code }) : t('form.newTitle', { year })}
      okText={project ? t('form.save') : t('form.create')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="form-error" />}
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void save(v)} requiredMark="optional">
        <Row gutter={12}>
          {!project && (
            <Col xs={24} md={8}>
              <Form.Item name="code" label={t('fields.code')} rules={[required(t('fields.code'))]}>
                <Input placeholder="CY2026-121" />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={project ? 16 : 10}>
            <Form.Item name="name" label={t('fields.name')} rules={[required(t('fields.name'))]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={project ? 8 : 6}>
            <Form.Item name="kind" label={t('fields.kind')} rules={[choose(t('fields.kind'))]}>
              <Select options={PROJECT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="totalInvestment"
              label={t('fields.total')}
              rules={[required(t('fields.total')), amount(t('fields.total'))]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="unitId" label={t('fields.unit')} rules={[choose(t('fields.unit'))]}>
              <Select showSearch optionFilterProp="label" options={units} loading={choices.isLoading} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="coUnitIds" label={t('fields.coUnits')}>
              <Select mode="multiple" showSearch optionFilterProp="label" options={units} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="leaderId" label={t('fields.leader')}>
              <Select allowClear options={leaders} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="deputyLeaderId" label={t('fields.deputyLeader')}>
              <Select allowClear options={leaders} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="owner" label={t('fields.owner')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="manager" label={t('fields.manager')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="location" label={t('fields.location')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="lng" label={t('form.lng')}>
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="lat" label={t('form.lat')}>
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
        </Row>
        {!project && (
          <>
            <Divider titlePlacement="start" plain>
              {t('form.plan', { year })}
            </Divider>
            <Row gutter={12}>
              <Col xs={24} md={8}>
                <Form.Item
                  name="yearPlan"
                  label={t('fields.yearPlan')}
                  rules={[required(t('fields.yearPlan')), amount(t('fields.yearPlan'))]}
                  extra={t('form.evenly')}
                >
                  <Input inputMode="decimal" />
                </Form.Item>
              </Col>
              {MILESTONES.map((m) => (
                <Col xs={12} md={8} key={m}>
                  <Form.Item name={['milestones', m]} label={t('form.plannedOn', { milestone: t(`milestones.${m}`) })}>
                    <DatePicker style={{ width: '100%' }} defaultPickerValue={dayjs(`${year}-01-01`)} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 新建项目 on the register (the office). */
export function NewProjectButton({ year }: { year: number }) {
  const { t } = useTranslation('projects');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('form.new')}
      </Button>
      {open && <ProjectDialog year={year} onClose={() => setOpen(false)} />}
    </>
  );
}

/** 编辑 on a project's page, where the server says the viewer may. */
export function EditProjectButton({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation('projects');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setOpen(true)}>
        {t('form.edit')}
      </Button>
      {open && <ProjectDialog year={project.year} project={project} onClose={() => setOpen(false)} />}
    </>
  );
}
