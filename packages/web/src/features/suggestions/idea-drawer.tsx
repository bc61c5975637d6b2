import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Descriptions, Divider, Drawer, Flex, List, Spin, Tag, Typography } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import { useNarrow } from '../../components/use-narrow';
import { useIdea } from './api';
import { AdoptButton, AssignButton, RejectButton, RewardButton } from './decide-buttons';
import { ScoreForm } from './score-form';
import { StatusTag } from './status-tag';

/** One idea: its text, proposer, score and rank, reviewers (for the office), and what the viewer may do next. */
export function IdeaDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation('suggestions');
  const narrow = useNarrow();
  const q = useIdea(id);
  const d = q.data;
  const s = d?.suggestion;
  return (
    <Drawer open={id !== null} onClose={onClose} width={narrow ? '100%' : 560} title={s?.title ?? t('detail.title')}>
      {q.isLoading && <Spin />}
      {s && d && (
        <>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <StatusTag status={s.status} />
            {s.chosen && (
              <Tag color="gold" icon={<TrophyOutlined />}>
                {t('list.chosen')}
              </Tag>
            )}
            {s.reward && (
              <Tag color="red" data-testid="idea-reward">
                {s.reward.label} · {s.reward.amount} 元
              </Tag>
            )}
          </Flex>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{s.body}</Typography.Paragraph>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('list.proposer')}>
              {s.proposerName}
              {s.proposerContact && ` · ${s.proposerContact}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('list.unit')}>{s.proposerUnitName ?? t('list.public')}</Descriptions.Item>
            <Descriptions.Item label={t('list.score')}>
              {s.score === null ? '—' : `${s.score}（${t('list.scoredBy', { count: s.scoredBy })}）`}
              {s.rank !== null && ` · ${t('list.rank')} ${s.rank}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.submitted', { date: '' }).trim()}>
              {s.submittedAt.slice(0, 10)}
            </Descriptions.Item>
            {s.fileIds.length > 0 && (
              <Descriptions.Item label={t('detail.attachment')}>
                {s.fileIds.map((f) => (
                  <a key={f} href={`/api/files/${f}`} target="_blank" rel="noreferrer">
                    #{f}{' '}
                  </a>
                ))}
              </Descriptions.Item>
            )}
            {s.decisionNote && <Descriptions.Item label={t('detail.decision')}>{s.decisionNote}</Descriptions.Item>}
            {s.ledgerItemId !== null && (
              <Descriptions.Item label={t('detail.openLedger')}>
                <Link to={`/ledger/items/${s.ledgerItemId}`} data-testid="idea-ledger">
                  {t('detail.ledger', { id: s.ledgerItemId })}
                </Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          {s.reviewers.length > 0 && (
            <>
              <Divider titlePlacement="start" plain>
                {t('detail.reviewers')}
              </Divider>
              <List
                size="small"
                dataSource={s.reviewers}
                renderItem={(r) => (
                  <List.Item
                    extra={<Typography.Text type="secondary">{r.total ?? t('detail.notScored')}</Typography.Text>}
                  >
                    {r.name}
                  </List.Item>
                )}
              />
            </>
          )}
          {s.actions.length > 0 && <Divider />}
          <Flex gap={8} wrap>
            {s.actions.includes('assign') && <AssignButton idea={s} />}
            {s.actions.includes('adopt') && <AdoptButton idea={s} />}
            {s.actions.includes('reject') && <RejectButton idea={s} />}
            {s.actions.includes('reward') && <RewardButton idea={s} levels={d.round.rewardLevels} />}
          </Flex>
          {s.actions.includes('score') && <ScoreForm idea={s} criteria={d.round.criteria} />}
        </>
      )}
    </Drawer>
  );
}
