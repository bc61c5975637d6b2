/** What GET /api/benchmarks answers (server: modules/benchmarks). */
export interface Figure {
  subject: string;
  value: string;
  previous: string | null;
  asOf: string;
  source: string;
  caliber: string;
}
export interface PeerGap extends Figure {
  gap: string;
  share: string | null;
  gainPerMonth: string;
  monthsToClose: number | null;
  /** The 学赶对象 of this board's unit (or of the region). */
  isModel: boolean;
  actions: 'choose_model'[];
}
export interface BenchmarkBoard {
  /** The unit this board is of; null: the region as a whole. */
  unit: { id: number; name: string } | null;
  /** The units that have figures of their own, for the picker. */
  units: { id: number; name: string }[];
  indicators: {
    indicator: string;
    measure: string;
    lowerIsBetter: boolean;
    ours: Figure;
    /** Our own gain a month (null without last year's figure). */
    oursGainPerMonth: string | null;
    model: string | null;
    peers: PeerGap[];
  }[];
}
