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
  unitShare: 'This unit’s share',
  months: 'To close',
  monthsValue: '{{count}} months',
  ahead: 'Ahead',
  never: 'Never at this pace',
  pace: 'We grow by {{gain}} a month (on last year)',
  unitPace: 'This unit grows by {{gain}} a month (on last year)',
  region: 'The district',
  unitPicker: 'Benchmarks of',
  ourUnit: 'This unit',
  model: 'Model to catch up with',
  chooseModel: 'Choose as model',
  modelChosen: '“{{subject}}” is now the model to catch up with',
};
