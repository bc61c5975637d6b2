import { useState } from 'react';
import { App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { INTERVIEW_RUNGS, MILESTONES, type InterviewRung, type LadderRung, type ProjectCardRules } from '@leitai/core';
import { api, ApiError } from '../../lib/api';
import { projectsKey } from './api';

interface Settings {
  version: number;
  rules: ProjectCardRules;
  ladder: LadderRung[];
}

interface Values {
  watched: ProjectCardRules['watched'];
  milestoneRedAfterMonths: number;
  ruleKind: 'pointsBehind' | 'ratio';
  yellowFromPoints: number;
  redFromPoints: number;
  redBelowRatio: number;
  statsYellowAfterMonths: number;
  statsRedAfterMonths: number;
  ladder: LadderRung[];
}

const valuesOf = (s: Settings): Values => ({
  watched: s.rules.watched,
  milestoneRedAfterMonths: s.rules.milestoneRedAfterMonths,
  ruleKind: s.rules.investment.kind,
  yellowFromPoints: Number(s.rules.investment.kind === 'pointsBehind' ? s.rules.investment.yellowFromPoints : 10),
  redFromPoints: Number(s.rules.investment.kind === 'pointsBehind' ? s.rules.investment.redFromPoints : 30),
  redBelowRatio: Number(s.rules.investment.kind === 'ratio' ? s.rules.investment.redBelowRatio : 0.5),
  statsYellowAfterMonths: s.rules.statsYellowAfterMonths,
  statsRedAfterMonths: s.rules.statsRedAfterMonths,
  ladder: INTERVIEW_RUNGS.map((r) => s.ladder.find((l) => l.rung === r)!),
});

/** 亮牌规则: the jurisdiction's card rules and 约谈 ladder, saved as a new version (settled cards keep theirs). */
export function ProjectSettingsButton() {
  const { t } = useTranslation('projects');
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery({
    queryKey: [...projectsKey, 'settings'],
    queryFn: () => api.get<Settings>('/projects/settings'),
    enabled: open,
  });
  const kind = Form.useWatch('ruleKind', form);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api.put('/projects/settings', {
        rules: {
          watched: v.watched,
          milestoneRedAfterMonths: v.milestoneRedAfterMonths,
          investment:
            v.ruleKind === 'ratio'
              ? { kind: 'ratio', redBelowRatio: String(v.redBelowRatio) }
              : {
                  kind: 'pointsBehind',
                  yellowFromPoints: String(v.yellowFromPoints),
                  redFromPoints: String(v.redFromPoints),
                },
          statsYellowAfterMonths: v.statsYellowAfterMonths,
          statsRedAfterMonths: v.statsRedAfterMonths,
        },
        ladder: v.ladder,
      });
      message.success(t('settings.saved'));
      setOpen(false);
      await client.invalidateQueries({ queryKey: projectsKey });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : t('errors.failed'));
    }
  };
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={() => setOpen(true)}>
        {t('settings.button')}
      </Button>
      <Modal
        open={open}
        title={t('settings.title')}
        width={640}
        onCancel={() => setOpen(false)}
        onOk={() => void save()}
        destroyOnHidden
      >
        {q.data && (
          <Form form={form} layout="vertical" initialValues={valuesOf(q.data)} preserve={false}>
            <Typography.Paragraph type="secondary">
              {t('settings.version', { version: q.data.version })}
            </Typography.Paragraph>
            <Form.Item name="ruleKind" label={t('settings.investment')}>
              <Radio.Group
                options={[
                  { value: 'pointsBehind', label: t('settings.points') },
                  { value: 'ratio', label: t('settings.ratio') },
                ]}
              />
            </Form.Item>
            {kind === 'ratio' ? (
              <Form.Item name="redBelowRatio" label={t('settings.redBelowRatio')}>
                <InputNumber min={0} max={1} step={0.05} />
              </Form.Item>
            ) : (
              <Space wrap>
                <Form.Item name="yellowFromPoints" label={t('settings.yellowFromPoints')}>
                  <InputNumber min={0} max={100} />
                </Form.Item>
                <Form.Item name="redFromPoints" label={t('settings.redFromPoints')}>
                  <InputNumber min={0} max={100} />
                </Form.Item>
              </Space>
            )}
            <Space wrap>
              <Form.Item name="watched" label={t('settings.watched')}>
                <Select
                  mode="multiple"
                  style={{ minWidth: 220 }}
                  options={MILESTONES.map((m) => ({ value: m, label: t(`milestones.${m}`) }))}
                />
              </Form.Item>
              <Form.Item name="milestoneRedAfterMonths" label={t('settings.milestoneRed')}>
                <InputNumber min={1} max={24} />
              </Form.Item>
            </Space>
            <Space wrap>
              <Form.Item name="statsYellowAfterMonths" label={t('settings.statsYellow')}>
                <InputNumber min={1} max={24} />
              </Form.Item>
              <Form.Item name="statsRedAfterMonths" label={t('settings.statsRed')}>
                <InputNumber min={1} max={24} />
              </Form.Item>
            </Space>
            <Typography.Text strong>{t('settings.ladder')}</Typography.Text>
            {INTERVIEW_RUNGS.map((rung: InterviewRung, i) => (
              <Space key={rung} wrap align="end" style={{ display: 'flex', marginTop: 8 }}>
                <Typography.Text style={{ width: 110, display: 'inline-block' }}>{t(`rungs.${rung}`)}</Typography.Text>
                <Form.Item name={['ladder', i, 'rung']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  name={['ladder', i, 'interviewer']}
                  label={t('detail.interviewer')}
                  style={{ marginBottom: 0 }}
                >
                  <Select
                    style={{ width: 120 }}
                    options={[
                      { value: 'leader', label: t('fields.leader') },
                      { value: 'deputy', label: t('fields.deputyLeader') },
                    ]}
                  />
                </Form.Item>
                <Form.Item
                  name={['ladder', i, 'interviewee']}
                  label={t('settings.interviewee')}
                  style={{ marginBottom: 0 }}
                >
                  <Input style={{ width: 160 }} />
                </Form.Item>
                <Form.Item
                  name={['ladder', i, 'workingDays']}
                  label={t('settings.workingDays')}
                  style={{ marginBottom: 0 }}
                >
                  <InputNumber min={1} max={60} />
                </Form.Item>
              </Space>
            ))}
          </Form>
        )}
      </Modal>
    </>
  );
}
