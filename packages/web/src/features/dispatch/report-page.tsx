import { Suspense, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Spin,
  Table,
  Timeline,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { ExcelImport } from '../../components/excel-import';
import { ApiError } from '../../lib/api';
import { uploadFile } from '../../lib/upload-file';
import { dispatchKey } from './api/keys';
import { useCurrentCampaign } from './api/get-campaigns';
import { SupervisionPanel } from '../../components/supervision-panel';
import { reportKey, reportUrl, useReport, type ReportFormData } from './api/get-report';
import { saveReport } from './api/save-report';
import { reportSections } from '../../lib/report-sections';
import { submitReport } from './api/submit-report';
import { reviewReport } from './api/review-report';
import { ReportStateTag, show, TimingTag } from './tags';

// The history's action codes that have words in the catalogue (report.actions.*).
const ACTIONS = ['save', 'submit', 'accept', 'return'] as const;
const isAction = (a: string): a is (typeof ACTIONS)[number] => (ACTIONS as readonly string[]).includes(a);

/** 调度填报: one form for the month — a figure per indicator, three short texts, evidence — then submit, review, history. */
export function ReportPage() {
  const { unitId, period } = useParams();
  const { campaign } = useCurrentCampaign();
  const q = useReport(campaign?.id, Number(unitId), period ?? '');
  const { t } = useTranslation('dispatch');
  const d = q.data;
  return (
    <Page
      title={
        d
          ? t('report.titleOf', { name: d.unit.name, period: period ?? '' })
          : t('report.title', { period: period ?? '' })
      }
      subtitle={
        d ? t(d.period.open ? 'report.deadline' : 'report.deadlineClosed', { deadline: d.period.deadline }) : undefined
      }
    >
      {q.data?.supervision && campaign && (
        <SupervisionPanel
          data={q.data.supervision}
          urgeUrl={`/dispatch/campaigns/${campaign.id}/units/${unitId}/urge?period=${period}`}
          instructUrl={`/dispatch/campaigns/${campaign.id}/units/${unitId}/instructions?period=${period}`}
          queryKey={reportKey(campaign.id, Number(unitId), period ?? '')}
        />
      )}
      {q.data && campaign && <ReportForm key={q.data.report.version} data={q.data} campaignId={campaign.id} />}
    </Page>
  );
}

function ReportForm({ data, campaignId }: { data: ReportFormData; campaignId: number }) {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t, i18n } = useTranslation(['dispatch', 'common']);
  const [values, setValues] = useState<Record<string, string>>({});
  const [texts, setTexts] = useState({
    progress: data.report.progress,
    problems: data.report.problems,
    plans: data.report.plans,
  });
  const [files, setFiles] = useState<UploadFile[]>([]);
  // Other features' parts of the report (the projects' month), as their components hand them back.
  const [sections, setSections] = useState<Record<string, unknown>>({});
  const [errors, setErrors] = useState<string[]>([]);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => setValues(Object.fromEntries(data.rows.map((r) => [String(r.indicatorId), r.value ?? '']))), [data]);

  // The server sends what this person may do now (core's allowedReportActions); the page only renders it.
  const allowed = new Set(data.report.actions);
  const canFill = allowed.has('save');
  const canSubmit = allowed.has('submit');
  const canReview = allowed.has('accept');
  // An accepted report can still be sent back for correction, with a reason (the history keeps what was accepted).
  const canReopen = allowed.has('return') && !canReview;
  const base = reportUrl(campaignId, data.unit.id);
  const refresh = () => client.invalidateQueries({ queryKey: dispatchKey });

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
      } else message.error(String(e));
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    saveReport(campaignId, data.unit.id, data.period.period, {
      values,
      ...texts,
      fileIds: files.filter((f) => f.status === 'done').map((f) => (f.response as { id: number }).id),
      sections,
      version: data.report.version,
    });
  const submit = async () => {
    const v = canFill ? (await save()).version : data.report.version;
    await submitReport(campaignId, data.unit.id, data.period.period, v);
  };
  const historyEntry = (v: ReportFormData['versions'][number]) => {
    const entry = {
      at: new Date(v.at).toLocaleString(i18n.language),
      actor: v.actorName,
      action: isAction(v.action) ? t(`report.actions.${v.action}`) : v.action,
      version: v.version,
    };
    return v.reason ? t('report.entryWithReason', { ...entry, reason: v.reason }) : t('report.entry', entry);
  };
  const review = (action: 'accept' | 'return') => reviewReport(data.report.id, action, reason, data.report.version);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label={t('fields.status')}>
          <ReportStateTag state={data.report.id === null ? 'none' : data.report.state} />
        </Descriptions.Item>
        <Descriptions.Item label={t('fields.timing')}>
          <TimingTag timing={data.report.timing} />
        </Descriptions.Item>
        <Descriptions.Item label={t('report.version')}>{data.report.version}</Descriptions.Item>
      </Descriptions>
      {data.report.state === 'returned' && data.report.returnReason && (
        <Alert
          type="error"
          showIcon
          message={t('report.returnedByOffice')}
          description={t('returnReason', { reason: data.report.returnReason })}
          data-testid="return-reason"
        />
      )}
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          message={t('report.notSaved')}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          }
          data-testid="report-errors"
        />
      )}
      <Card
        size="small"
        title={t('report.figures')}
        extra={
          canFill && (
            <ExcelImport
              title={t('report.excel')}
              templateUrl={`${base}/template?period=${data.period.period}`}
              importUrl={`${base}/import?period=${data.period.period}`}
              describeResult={() => t('report.excelDone')}
              onImported={() => void refresh()}
            />
          )
        }
      >
        <Table
          scroll={{ x: 800 }}
          size="small"
          rowKey="indicatorId"
          pagination={false}
          dataSource={data.rows}
          columns={[
            {
              title: t('fields.indicator'),
              key: 'n',
              render: (_, r) => t('withMeasure', { name: r.name, measure: r.measure }),
            },
            {
              title: t('fields.annualTarget'),
              key: 'b',
              render: (_, r) =>
                r.stretch ? t('report.targetStretch', { base: show(r.base), stretch: show(r.stretch) }) : show(r.base),
            },
            { title: t('report.previous'), key: 'p', render: (_, r) => show(r.previous) },
            {
              title: t('report.value'),
              key: 'v',
              width: 260,
              render: (_, r) =>
                r.derivedFrom ? (
                  <Space direction="vertical" size={0} data-testid={`derived-${r.indicatorId}`}>
                    <span>
                      {show(r.value)} {r.measure}
                    </span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('report.derived')}
                    </Typography.Text>
                  </Space>
                ) : canFill ? (
                  <Space direction="vertical" size={0}>
                    <Input
                      aria-label={t('report.valueOf', { name: r.name })}
                      value={values[String(r.indicatorId)] ?? ''}
                      onChange={(e) => setValues({ ...values, [String(r.indicatorId)]: e.target.value })}
                      suffix={r.measure}
                    />
                    {r.prefilled && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('report.prefilled')}
                      </Typography.Text>
                    )}
                    {r.kind === 'growth' && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('report.growthHint')}
                      </Typography.Text>
                    )}
                  </Space>
                ) : (
                  <span>{show(r.value)}</span>
                ),
            },
            {
              title: t('report.flag'),
              key: 'f',
              render: (_, r) => (r.flag ? <Typography.Text type="warning">{r.flag}</Typography.Text> : null),
            },
          ]}
        />
      </Card>
      {reportSections()
        .filter((s) => data.sections[s.key] !== undefined)
        .map(({ key, Component }) => (
          // A feature's part may arrive with its own chunk.
          <Suspense key={key} fallback={<Spin />}>
            <Component
              data={data.sections[key]}
              period={data.period.period}
              disabled={!canFill}
              onChange={(value) => setSections((all) => ({ ...all, [key]: value }))}
            />
          </Suspense>
        ))}
      <Card size="small" title={t('report.work')}>
        <Form layout="vertical" disabled={!canFill}>
          <Form.Item label={t('report.progress')}>
            <Input.TextArea
              aria-label={t('report.progress')}
              rows={3}
              maxLength={2000}
              value={texts.progress}
              onChange={(e) => setTexts({ ...texts, progress: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('report.problems')}>
            <Input.TextArea
              aria-label={t('report.problems')}
              rows={2}
              maxLength={2000}
              value={texts.problems}
              onChange={(e) => setTexts({ ...texts, problems: e.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('report.plans')}>
            <Input.TextArea
              aria-label={t('report.plans')}
              rows={2}
              maxLength={2000}
              value={texts.plans}
              onChange={(e) => setTexts({ ...texts, plans: e.target.value })}
            />
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
                uploadFile(file as Blob)
                  .then((r) => onSuccess?.(r))
                  .catch((e: Error) => onError?.(e));
              }}
            >
              <Button icon={<UploadOutlined />}>{t('report.upload')}</Button>
            </Upload>
          )}
        </Space>
      </Card>
      <Space>
        {canFill && (
          <Button loading={busy} onClick={() => void run(async () => void (await save()), t('common:feedback.saved'))}>
            {t('common:actions.save')}
          </Button>
        )}
        {canSubmit && (
          <Button type="primary" loading={busy} onClick={() => void run(submit, t('report.submitted'))}>
            {t('report.submit')}
          </Button>
        )}
        {canReview && (
          <>
            <Button
              type="primary"
              loading={busy}
              onClick={() => void run(() => review('accept').then(() => undefined), t('report.accepted'))}
            >
              {t('report.accept')}
            </Button>
            <Button danger onClick={() => setReturning(true)}>
              {t('report.return')}
            </Button>
          </>
        )}
        {canReopen && (
          <Button danger onClick={() => setReturning(true)}>
            {t('report.returnAccepted')}
          </Button>
        )}
      </Space>
      <Modal
        open={returning}
        title={t('report.returnTitle')}
        okText={t('report.return')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 4 }}
        onCancel={() => setReturning(false)}
        onOk={() => void run(() => review('return').then(() => setReturning(false)), t('report.returned'))}
      >
        <Input.TextArea
          aria-label={t('report.returnReason')}
          rows={3}
          placeholder={t('report.returnPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
      {data.versions.length > 0 && (
        <Card size="small" title={t('report.history')}>
          <Timeline
            items={[...data.versions].reverse().map((v) => ({
              color: v.action === 'return' ? 'red' : v.action === 'accept' ? 'green' : 'blue',
              children: historyEntry(v),
            }))}
          />
        </Card>
      )}
    </Space>
  );
}
