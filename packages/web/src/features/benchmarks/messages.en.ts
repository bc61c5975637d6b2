import type { Messages } from '../../i18n';
import type { benchmarksMessages } from './messages';

/** English (loaded only when chosen). */
export const benchmarksMessagesEn: Messages<typeof benchmarksMessages> = {
  menu: { board: 'Benchmarks' },
  title: 'Benchmarking',
  subtitle: 'The gap to our peers, and how long it takes to close at our current pace',
  import: 'Import figures',
  imported: 'Figures of {{count}} indicators imported',
  empty: 'No figures yet',
  ours: 'Ours',
  lower: 'Lower is better',
  subject: 'Subject',
  value: 'Value',
  asOf: 'As of',
  source: 'Source and scope',
  gap: 'Gap',
  share: 'Our share',
  months: 'To close',
  monthsValue: '{{count}} months',
  ahead: 'Ahead',
  never: 'Never at this pace',
  pace: 'We gain {{gain}} a month',
};
