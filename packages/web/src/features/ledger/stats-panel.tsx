import { useState } from 'react';
import { App, Button, Card, Col, Input, Row, Space, Statistic, Table, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { download, ApiError } from '../../lib/api';
import { useLedgerCounts, useLedgerRates, type RateRow, type UnitCounts } from './api';

const percent = (rate: string | null) => (rate === null ? '—' : `${(Number(rate) * 100).toFixed(1)}%`);

/** Counts per unit, the period's on-time close-out rates, and the 督查通报 downloads. */
export function StatsPanel() {
  const { message } = App.useApp();
  const [period, setPeriod] = useState(() => new Date().toISOString().slice(0, 7));
  const counts = useLedgerCounts();
  const rates = useLedgerRates(period);
  const total = (k: keyof Omit<UnitCounts, 'unitId' | 'unitName'>) => (counts.data ?? []).reduce((s, c) => s + c[k], 0);
  const bulletin = async (format: 'docx' | 'xlsx') => {
    try {
      await download(`/ledger/bulletin?period=${encodeURIComponent(period)}&format=${format}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : '生成通报失败');
    }
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={16}>
        <Col span={6}><Card><Statistic title="在办事项" value={total('open')} /></Card></Col>
        <Col span={6}><Card><Statistic title="逾期未办结" value={total('overdue')} valueStyle={{ color: '#cf1322' }} /></Card></Col>
        <Col span={6}><Card><Statistic title="按期销号" value={total('closedOnTime')} valueStyle={{ color: '#389e0d' }} /></Card></Col>
        <Col span={6}><Card><Statistic title="逾期销号" value={total('closedLate')} /></Card></Col>
      </Row>
      <Card title="各单位事项统计" size="small">
        <Table<UnitCounts>
          rowKey="unitId"
          size="small"
          loading={counts.isLoading}
          dataSource={counts.data ?? []}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: '单位', dataIndex: 'unitName' },
            { title: '事项', dataIndex: 'total', width: 80 },
            { title: '在办', dataIndex: 'open', width: 80 },
            { title: '临期', dataIndex: 'yellow', width: 80 },
            { title: '逾期', dataIndex: 'overdue', width: 80, render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
            { title: '按期销号', dataIndex: 'closedOnTime', width: 90 },
            { title: '逾期销号', dataIndex: 'closedLate', width: 90 },
          ]}
        />
      </Card>
      <Card
        title="按期销号率与督查通报"
        size="small"
        extra={
          <Space>
            <Input value={period} onChange={(e) => setPeriod(e.target.value.trim())} style={{ width: 120 }} placeholder="2026-05" aria-label="通报期间" data-testid="bulletin-period" />
            <Button icon={<FileWordOutlined />} onClick={() => void bulletin('docx')} data-testid="bulletin-docx">
              下载通报（Word）
            </Button>
            <Button icon={<FileExcelOutlined />} onClick={() => void bulletin('xlsx')}>
              下载通报（Excel）
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">期间可填 2026-05（月）、2026-Q2（季度）、2026-H1（半年）或 2026（全年）。按期销号率 = 按期销号数 ÷ 期内到期事项数。</Typography.Paragraph>
        {rates.error ? (
          <Typography.Text type="danger">{(rates.error as Error).message}</Typography.Text>
        ) : (
          <Table<RateRow>
            rowKey="unitId"
            size="small"
            loading={rates.isLoading}
            dataSource={(rates.data?.rows ?? []).filter((r) => r.due > 0).sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999))}
            pagination={{ pageSize: 10 }}
            columns={[
              { title: '名次', dataIndex: 'rank', width: 70 },
              { title: '单位', dataIndex: 'unitName' },
              { title: '到期', dataIndex: 'due', width: 70 },
              { title: '按期销号', dataIndex: 'onTime', width: 90 },
              { title: '逾期销号', dataIndex: 'late', width: 90 },
              { title: '逾期未办结', dataIndex: 'overdue', width: 100 },
              { title: '按期销号率', dataIndex: 'rate', width: 110, render: percent },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
