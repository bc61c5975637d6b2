import type { ComponentType } from 'react';

/**
 * Parts of the monthly report another feature draws (the projects' month): the dispatch form renders
 * them without knowing the feature; app/features.ts registers each feature's at start. The server's
 * part of the same report carries the data under the same key (dispatch/sections.ts).
 */
export interface ReportSectionProps {
  /** What the server sent for this part of the unit's form. */
  data: unknown;
  period: string;
  disabled: boolean;
  /** The part as it is to be saved with the report. */
  onChange: (value: unknown) => void;
}

export interface ReportSectionUi {
  key: string;
  Component: ComponentType<ReportSectionProps>;
}

let registered: readonly ReportSectionUi[] = [];

export function setReportSections(list: readonly ReportSectionUi[]): void {
  registered = list;
}

export const reportSections = (): readonly ReportSectionUi[] => registered;
