import { Suspense, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Spin,
  Timeline,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
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
import { sendReport } from './api/send-report';
import { reviewReport } from './api/review-report';
import { ReportStateTag, TimingTag } from './tags';
import { progressSentence, refreshProgress } from '@leitai/core';
import { FigureTable, liveWarnings } from './figure-table';

// The history's action codes that have words in the catalogue (report.actions.*).
const ACTIONS = ['save', 'handoff', 'submit', 'accept', 'return'] as const;
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
  const { message, modal } = App.useApp();
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
  const [pointed, setPointed] = useState<number[]>([]);
  const [removed, setRemoved] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => setValues(Object.fromEntries(data.rows.map((r) => [String(r.indicatorId), r.value ?? '']))), [data]);
  const month = Number(data.period.period.slice(5));
  // 工作进展 opens with a sentence core writes from the figures; it follows the figures as they change,
  // and what the person typed after it (or instead of it) stays theirs.
  const live = liveWarnings(data.rows, month, values);
  const generated = progressSentence(
    month,
    data.rows.map((r) => ({ ...r, warning: live.get(r.indicatorId) ?? null })),
  );
  const lastGenerated = useRef<string | null>(null);
  const fillsText = data.report.actions.includes('save');
  useEffect(() => {
    if (!fillsText) return;
    const previous = lastGenerated.current ?? '';
    lastGenerated.current = generated;
    setTexts((x) => ({ ...x, progress: refreshProgress(x.progress, previous, generated) }));
  }, [generated, fillsText]);

  // The server sends what this person may do now (core's allowedReportActions); the page only renders it.
  const allowed = new Set(data.report.actions);
  const canFill = allowed.has('save');
  const canSubmit = allowed.has('submit');
  const canHandoff = allowed.has('handoff');
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
  const draft = () => ({
    values,
    ...texts,
    fileIds: files.filter((f) => f.status === 'done').map((f) => (f.response as { id: number }).id),
    removeFileIds: removed,
    sections,
  });
  const save = () =>
    saveReport(campaignId, data.unit.id, data.period.period, { ...draft(), version: data.report.version });
  // What is on screen goes with the step as one version (no separate save first).
  const send = (action: 'handoff' | 'submit') => async () =>
    void (await sendReport(
      campaignId,
      data.unit.id,
      data.period.period,
      action,
      data.report.version,
      canFill ? draft() : undefined,
    ));
  // 报送 and 审核通过 are not undone with a click: each asks first.
  const confirm = (title: string, content: string, ok: () => Promise<void>) => {
    modal.confirm({
      title,
      content,
      okText: t('common:actions.confirm'),
      cancelText: t('common:actions.cancel'),
      onOk: ok,
    });
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
  const review = (action: 'accept' | 'return') =>
    reviewReport(data.report.id, action, reason, data.report.version, action === 'return' ? pointed : []);

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
        <FigureTable
          rows={data.rows}
          month={month}
          values={values}
          canFill={canFill}
          pointed={data.report.returnReason ? data.report.returnFields : []}
          onChange={(id, v) => setValues({ ...values, [id]: v })}
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
          {canFill && generated && (
            <Typography.Text
              type="secondary"
              style={{ display: 'block', marginTop: -16, marginBottom: 16, fontSize: 12 }}
            >
              {t('report.progressHint')}
            </Typography.Text>
          )}
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
          {data.files
            .filter((f) => !removed.includes(f.id))
            .map((f) => (
              <Space key={f.id} size={4}>
                <a href={`/api/files/${f.id}`}>{f.name}</a>
                {canFill && (
                  // Taken off with the next save or 报送; earlier versions keep it.
                  <Button
                    size="small"
                    type="text"
                    danger
                    aria-label={t('report.removeFile', { name: f.name })}
                    icon={<DeleteOutlined />}
                    onClick={() => setRemoved((r) => [...r, f.id])}
                  />
                )}
              </Space>
            ))}
          {removed.length > 0 && (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('report.removedFiles', { count: removed.length })}
            </Typography.Text>
          )}
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
        {canHandoff && (
          <Button
            type={canSubmit ? 'default' : 'primary'}
            loading={busy}
            onClick={() => void run(send('handoff'), t('report.handedOff'))}
          >
            {t('report.handoff')}
          </Button>
        )}
        {canSubmit && (
          <Button
            type="primary"
            loading={busy}
            onClick={() =>
              confirm(t('report.submitConfirm'), t('report.submitConfirmText'), () =>
                run(send('submit'), t('report.submitted')),
              )
            }
          >
            {t('report.submit')}
          </Button>
        )}
        {canReview && (
          <>
            <Button
              type="primary"
              loading={busy}
              onClick={() =>
                confirm(t('report.acceptConfirm'), t('report.acceptConfirmText'), () =>
                  run(() => review('accept').then(() => undefined), t('report.accepted')),
                )
              }
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
        <Typography.Paragraph style={{ margin: '12px 0 4px' }}>{t('report.returnFields')}</Typography.Paragraph>
        <Checkbox.Group
          value={pointed}
          onChange={(v) => setPointed(v)}
          options={data.rows.map((r) => ({ value: r.indicatorId, label: r.name }))}
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
