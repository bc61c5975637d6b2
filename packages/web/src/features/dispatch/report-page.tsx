import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Space, Table, Timeline, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Page } from '../../components/page';
import { ExcelImport } from '../../components/excel-import';
import { api, ApiError } from '../../lib/api';
import { useCan, useMe } from '../../app/session';
import { reportUrl, useCurrentCampaign, useReport, type ReportFormData } from './api';
import { ReportStateTag, show, TimingTag } from './tags';

const ACTIONS: Record<string, string> = { save: '保存', submit: '报送', accept: '审核通过', return: '退回' };

/** 调度填报: one form for the month — a figure per indicator, three short texts, evidence — then submit, review, history. */
export function ReportPage() {
  const { unitId, period } = useParams();
  const { campaign } = useCurrentCampaign();
  const q = useReport(campaign?.id, Number(unitId), period ?? '');
  return (
    <Page title={q.data ? `${q.data.unit.name} · ${period} 月度调度` : `${period ?? ''} 月度调度`} subtitle={q.data ? `填报截止 ${q.data.period.deadline}${q.data.period.open ? '' : '（本期已关闭）'}` : undefined}>
      {q.data && campaign && <ReportForm key={q.data.report.version} data={q.data} campaignId={campaign.id} />}
    </Page>
  );
}

function ReportForm({ data, campaignId }: { data: ReportFormData; campaignId: number }) {
  const can = useCan();
  const me = useMe();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [values, setValues] = useState<Record<string, string>>({});
  const [texts, setTexts] = useState({ progress: data.report.progress, problems: data.report.problems, plans: data.report.plans });
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setValues(Object.fromEntries(data.rows.map((r) => [String(r.indicatorId), r.value ?? '']))), [data]);

  const mine = me.user.unitId === data.unit.id;
  const editable = data.period.open && (data.report.state === 'draft' || data.report.state === 'returned');
  const canFill = mine && can('report.fill') && editable;
  const canSubmit = mine && can('report.submit') && editable;
  const canReview = can('report.review') && data.report.state === 'submitted';
  const base = reportUrl(campaignId, data.unit.id);
  const refresh = () => client.invalidateQueries({ queryKey: ['dispatch'] });

  const run = async (f: () => Promise<void>, ok: string) => {
    setBusy(true);
    setErrors([]);
    try {
      await f();
      message.success(ok);
      await refresh();
    } catch (e) {
      if (e instanceof ApiError) {
        const list = (e.details?.errors as { message: string }[] | undefined)?.map((x) => x.message);
        setErrors(list && list.length > 0 ? list : [e.message]);
        message.error(e.message);
      } else throw e;
    } finally {
      setBusy(false);
    }
  };
  const save = () => api.put<{ version: number }>(`${base}?period=${data.period.period}`, { values, ...texts, fileIds: files.filter((f) => f.status === 'done').map((f) => (f.response as { id: number }).id), version: data.report.version });
  const submit = async () => {
    const v = canFill ? (await save()).version : data.report.version;
    await api.post(`${base}/submit?period=${data.period.period}`, { version: v });
  };
  const review = (action: 'accept' | 'return') => api.post(`/dispatch/reports/${data.report.id}/review`, { action, reason, version: data.report.version });

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="状态">
          <ReportStateTag state={data.report.id === null ? 'none' : data.report.state} />
        </Descriptions.Item>
        <Descriptions.Item label="报送">
          <TimingTag timing={data.report.timing} />
        </Descriptions.Item>
        <Descriptions.Item label="版本">{data.report.version}</Descriptions.Item>
      </Descriptions>
      {data.report.state === 'returned' && data.report.returnReason && <Alert type="error" showIcon message="考核办已退回" description={`退回原因：${data.report.returnReason}`} data-testid="return-reason" />}
      {errors.length > 0 && <Alert type="error" showIcon message="未保存" description={<ul style={{ margin: 0, paddingLeft: 18 }}>{errors.map((e) => <li key={e}>{e}</li>)}</ul>} data-testid="report-errors" />}
      <Card size="small" title="指标数据" extra={canFill && <ExcelImport title="Excel 填报" templateUrl={`${base}/template?period=${data.period.period}`} importUrl={`${base}/import?period=${data.period.period}`} describeResult={() => '已按表格填入本期数值'} onImported={refresh} />}>
        <Table
          size="small"
          rowKey="indicatorId"
          pagination={false}
          dataSource={data.rows}
          columns={[
            { title: '指标', key: 'n', render: (_, r) => `${r.name}（${r.measure}）` },
            { title: '年度目标', key: 'b', render: (_, r) => `${show(r.base)}${r.stretch ? ` / 冲刺 ${show(r.stretch)}` : ''}` },
            { title: '上期', key: 'p', render: (_, r) => show(r.previous) },
            {
              title: '本期数值',
              key: 'v',
              width: 260,
              render: (_, r) =>
                canFill ? (
                  <Space direction="vertical" size={0}>
                    <Input
                      aria-label={`${r.name}本期数值`}
                      value={values[String(r.indicatorId)] ?? ''}
                      onChange={(e) => setValues({ ...values, [String(r.indicatorId)]: e.target.value })}
                      suffix={r.measure}
                    />
                    {r.prefilled && <Typography.Text type="secondary" style={{ fontSize: 12 }}>已按上期累计预填，请更新</Typography.Text>}
                    {r.kind === 'growth' && <Typography.Text type="secondary" style={{ fontSize: 12 }}>填写同比增速，如 8.5</Typography.Text>}
                  </Space>
                ) : (
                  <span>{show(r.value)}</span>
                ),
            },
            { title: '提示', key: 'f', render: (_, r) => (r.flag ? <Typography.Text type="warning">{r.flag}</Typography.Text> : null) },
          ]}
        />
      </Card>
      <Card size="small" title="工作情况">
        <Form layout="vertical" disabled={!canFill}>
          <Form.Item label="工作进展">
            <Input.TextArea aria-label="工作进展" rows={3} maxLength={2000} value={texts.progress} onChange={(e) => setTexts({ ...texts, progress: e.target.value })} />
          </Form.Item>
          <Form.Item label="存在问题">
            <Input.TextArea aria-label="存在问题" rows={2} maxLength={2000} value={texts.problems} onChange={(e) => setTexts({ ...texts, problems: e.target.value })} />
          </Form.Item>
          <Form.Item label="下步打算">
            <Input.TextArea aria-label="下步打算" rows={2} maxLength={2000} value={texts.plans} onChange={(e) => setTexts({ ...texts, plans: e.target.value })} />
          </Form.Item>
        </Form>
        <Space direction="vertical">
          {data.files.map((f) => (
            <a key={f.id} href={`/api/files/${f.id}`}>
              {f.name}
            </a>
          ))}
          {canFill && (
            <Upload
              fileList={files}
              multiple
              onChange={({ fileList }) => setFiles(fileList)}
              customRequest={({ file, onSuccess, onError }) => {
                const form = new FormData();
                form.append('file', file as Blob);
                api.post<{ id: number }>('/files', form).then((r) => onSuccess?.(r)).catch((e: Error) => onError?.(e));
              }}
            >
              <Button icon={<UploadOutlined />}>上传佐证材料</Button>
            </Upload>
          )}
        </Space>
      </Card>
      <Space>
        {canFill && (
          <Button loading={busy} onClick={() => run(async () => void (await save()), '已保存')}>
            保存
          </Button>
        )}
        {canSubmit && (
          <Button type="primary" loading={busy} onClick={() => run(submit, '已报送，等待考核办审核')}>
            报送
          </Button>
        )}
        {canReview && (
          <>
            <Button type="primary" loading={busy} onClick={() => run(() => review('accept').then(() => undefined), '已审核通过')}>
              审核通过
            </Button>
            <Button danger onClick={() => setReturning(true)}>
              退回
            </Button>
          </>
        )}
      </Space>
      <Modal
        open={returning}
        title="退回报表"
        okText="退回"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 4 }}
        onCancel={() => setReturning(false)}
        onOk={() => run(() => review('return').then(() => setReturning(false)), '已退回')}
      >
        <Input.TextArea aria-label="退回原因" rows={3} placeholder="写明退回原因（至少 4 个字）" value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
      {data.versions.length > 0 && (
        <Card size="small" title="版本记录">
          <Timeline
            items={[...data.versions].reverse().map((v) => ({
              color: v.action === 'return' ? 'red' : v.action === 'accept' ? 'green' : 'blue',
              children: `${new Date(v.at).toLocaleString('zh-CN')} ${v.actorName} ${ACTIONS[v.action] ?? v.action}（第 ${v.version} 版）${v.reason ? `：${v.reason}` : ''}`,
            }))}
          />
        </Card>
      )}
    </Space>
  );
}
