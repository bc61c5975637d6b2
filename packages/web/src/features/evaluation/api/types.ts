export type {
  EvaluationDetail,
  EvaluationRecord,
  EvaluationScheme,
  EvaluationSummary,
  RankHistoryPoint,
  RankingCategory,
  RankingRow,
  UnitExplanation,
  AppealView,
  AdjustmentView,
  VersionView,
} from '@leitai/core';

export interface PreviewCategory {
  categoryId: string;
  categoryName: string;
  rows: {
    unitId: number;
    unitName: string;
    totalShown: string;
    rank: number;
    grade: string;
    components: { componentId: string; scoreShown: string }[];
  }[];
}
