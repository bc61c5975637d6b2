import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Badge, Button, Calendar, Card, Col, Radio, Row, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { Page } from '../../components/page';
import { useCan } from '../../app/session';
import { api, ApiError } from '../../lib/api';

interface CalendarData {
  holidays: string[];
  workingWeekends: string[];
}

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
  const queryClient = useQueryClient();
  const { data } = useQuery({ queryKey: ['calendar'], queryFn: () => api.get<CalendarData>('/calendar') });
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
    mutationFn: (body: CalendarData) => api.put<CalendarData>('/calendar', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(['calendar'], saved);
      message.success('工作日历已保存');
    },
    onError: (e) => message.error(e instanceof ApiError ? e.message : '保存失败'),
  });

  const toggle = (d: Dayjs) => {
    if (!editable || !draft) return;
    const day = fmt(d);
    const without = (list: string[]) => list.filter((x) => x !== day);
    if (mode === 'holiday') {
      setDraft({ holidays: holidays.has(day) ? without(draft.holidays) : [...draft.holidays, day], workingWeekends: without(draft.workingWeekends) });
    } else {
      if (!isWeekend(d)) {
        message.warning('调休上班日只能是周六或周日');
        return;
      }
      setDraft({ holidays: without(draft.holidays), workingWeekends: working.has(day) ? without(draft.workingWeekends) : [...draft.workingWeekends, day] });
    }
  };

  const year = month.year();
  const inYear = (list: string[] | undefined) => (list ?? []).filter((d) => d.startsWith(String(year))).length;

  return (
    <Page
      title="工作日历"
      subtitle="法定节假日与调休上班日。督办期限、倒排工期、报送截止等“N 个工作日”都按此计算。"
      extra={
        editable && (
          <Button type="primary" disabled={!dirty} loading={save.isPending} onClick={() => draft && save.mutate(draft)}>
            保存
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
                  <div data-testid={`day-${day}`} style={{ margin: 2, padding: 6, minHeight: 64, borderRadius: 6, background, opacity: d.month() === month.month() ? 1 : 0.35, borderTop: '2px solid #f0f0f0' }}>
                    <div style={{ textAlign: 'right', color: weekend && !work ? '#c41d1d' : undefined }}>{d.date()}</div>
                    {off && <Tag color="red">休</Tag>}
                    {work && <Tag color="blue">班</Tag>}
                  </div>
                );
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={7}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {editable && (
              <Card title="点击日期标记为">
                <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as Mark)} optionType="button" buttonStyle="solid">
                  <Radio.Button value="holiday">节假日（休）</Radio.Button>
                  <Radio.Button value="working">调休上班（班）</Radio.Button>
                </Radio.Group>
                <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
                  再次点击取消标记。每年按国务院办公厅节假日安排通知录入。
                </Typography.Paragraph>
              </Card>
            )}
            <Card title={`${year} 年`}>
              <Space direction="vertical">
                <Badge color="red" text={`节假日 ${inYear(draft?.holidays)} 天`} />
                <Badge color="blue" text={`调休上班 ${inYear(draft?.workingWeekends)} 天`} />
              </Space>
            </Card>
            {draft && inYear(draft.holidays) === 0 && (
              <Alert type="warning" showIcon message={`尚未录入 ${year} 年节假日`} description="未录入时只把周六、周日当作休息日，期限可能落在法定节假日。" />
            )}
            {dirty && <Alert type="info" showIcon message="有未保存的修改" />}
          </Space>
        </Col>
      </Row>
    </Page>
  );
}
