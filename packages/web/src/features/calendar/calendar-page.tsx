import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Badge, Button, Calendar, Card, Col, Radio, Row, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { useCan } from '../../lib/session';
import { ApiError } from '../../lib/api';
import { calendarKey, calendarQuery, type CalendarData } from './api/get-calendar';
import { saveCalendar } from './api/save-calendar';

type Mark = 'holiday' | 'working';
const fmt = (d: Dayjs) => d.format('YYYY-MM-DD');
const isWeekend = (d: Dayjs) => d.day() === 0 || d.day() === 6;

/**
 * 工作日历: public holidays and 调休上班 weekends, which every "N working days" deadline counts on.
 * The organiser clicks days to mark them, then saves; core validates the whole year on the server.
 */
export function CalendarPage() {
  const can = useCan();
  const editable = can('calendar.manage');
  const { message } = App.useApp();
  const { t } = useTranslation(['calendar', 'common']);
  const queryClient = useQueryClient();
  const { data } = useQuery(calendarQuery());
  const [draft, setDraft] = useState<CalendarData | null>(null);
  const [mode, setMode] = useState<Mark>('holiday');
  const [month, setMonth] = useState(dayjs());
  useEffect(() => {
    if (data) setDraft(data);
  }, [data]);

  const holidays = useMemo(() => new Set(draft?.holidays), [draft]);
  const working = useMemo(() => new Set(draft?.workingWeekends), [draft]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(data);

  const save = useMutation({
    mutationFn: saveCalendar,
    onSuccess: (saved) => {
      queryClient.setQueryData(calendarKey, saved);
      message.success(t('saved'));
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : t('common:feedback.saveFailed')),
  });

  const toggle = (d: Dayjs) => {
    if (!editable || !draft) return;
    const day = fmt(d);
    const without = (list: string[]) => list.filter((x) => x !== day);
    if (mode === 'holiday') {
      setDraft({
        holidays: holidays.has(day) ? without(draft.holidays) : [...draft.holidays, day],
        workingWeekends: without(draft.workingWeekends),
      });
    } else {
      if (!isWeekend(d)) {
        message.warning(t('weekendOnly'));
        return;
      }
      setDraft({
        holidays: without(draft.holidays),
        workingWeekends: working.has(day) ? without(draft.workingWeekends) : [...draft.workingWeekends, day],
      });
    }
  };

  const year = month.year();
  const inYear = (list: string[] | undefined) => (list ?? []).filter((d) => d.startsWith(String(year))).length;

  return (
    <Page
      title={t('title')}
      subtitle={t('subtitle')}
      extra={
        editable && (
          <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={() => draft && save.mutate(draft)}>
            {t('common:actions.save')}
          </Button>
        )
      }
    >
      <Row gutter={16}>
        <Col xs={24} lg={17}>
          <Card>
            <Calendar
              value={month}
              onPanelChange={(d) => setMonth(d)}
              onSelect={(d, info) => {
                setMonth(d);
                if (info.source === 'date') toggle(d);
              }}
              fullCellRender={(d, info) => {
                if (info.type !== 'date') return info.originNode;
                const day = fmt(d);
                const off = holidays.has(day);
                const work = working.has(day);
                const weekend = isWeekend(d);
                const background = off ? '#fff1f0' : work ? '#e6f4ff' : undefined;
                return (
                  <div
                    data-testid={`day-${day}`}
                    style={{
                      margin: 2,
                      padding: 6,
                      minHeight: 64,
                      borderRadius: 6,
                      background,
                      opacity: d.month() === month.month() ? 1 : 0.35,
                      borderTop: '2px solid #f0f0f0',
                    }}
                  >
                    <div style={{ textAlign: 'right', color: weekend && !work ? '#c41d1d' : undefined }}>
                      {d.date()}
                    </div>
                    {off && <Tag color="red">{t('offTag')}</Tag>}
                    {work && <Tag color="blue">{t('workTag')}</Tag>}
                  </div>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={7}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {editable && (
              <Card title={t('markAs')}>
                <Radio.Group
                  value={mode}
                  onChange={(e) => setMode(e.target.value as Mark)}
                  optionType="button"
                  buttonStyle="solid"
                >
                  <Radio.Button value="holiday">{t('holiday')}</Radio.Button>
                  <Radio.Button value="working">{t('working')}</Radio.Button>
                </Radio.Group>
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                  {t('hint')}
                </Typography.Paragraph>
              </Card>
            )}
            <Card title={t('year', { year })}>
              <Space direction="vertical">
                <Badge color="red" text={t('holidays', { count: inYear(draft?.holidays) })} />
                <Badge color="blue" text={t('workingWeekends', { count: inYear(draft?.workingWeekends) })} />
              </Space>
            </Card>
            {draft && inYear(draft.holidays) === 0 && (
              <Alert type="warning" showIcon message={t('missingYear', { year })} description={t('missingYearHint')} />
            )}
            {dirty && <Alert type="info" showIcon message={t('unsaved')} />}
          </Space>
        </Col>
      </Row>
    </Page>
  );
}
