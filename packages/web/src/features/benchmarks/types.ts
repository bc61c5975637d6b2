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
}
export interface BenchmarkBoard {
  indicators: { indicator: string; measure: string; lowerIsBetter: boolean; ours: Figure; peers: PeerGap[] }[];
}
