import type {
  AssignmentRole,
  EnterpriseScale,
  RequestCategory,
  RequestRating,
  RequestStage,
  VisitForm,
  VisitPurpose,
} from '@leitai/core';

/** What the visits API answers (server modules/visits), as the pages read it. */
export interface EnterpriseRow {
  id: number;
  name: string;
  creditCode: string;
  industry: string;
  scale: EnterpriseScale;
  streetName: string | null;
  address: string;
  contactName: string;
  assignees: { userId: number; name: string; role: AssignmentRole; since: string }[];
}
export interface EnterpriseList {
  total: number;
  page: number;
  pageSize: number;
  items: EnterpriseRow[];
  actions: { create: boolean; import: boolean; assign: boolean };
}

export interface RequestRow {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  channel: 'visit' | 'hotline';
  category: RequestCategory;
  content: string;
  raisedOn: string;
  raisedByName: string | null;
  stage: RequestStage;
  ledgerItemId: number | null;
  leadUnitName: string | null;
  deadline: string | null;
  coDeadline: string | null;
  rating: RequestRating | null;
  mergedIntoId: number | null;
  mergedCount: number;
  rateLink: string | null;
  actions: { dispatch: boolean; merge: boolean };
}
export interface RequestList {
  total: number;
  page: number;
  pageSize: number;
  items: RequestRow[];
}

export interface Choices {
  streets: { id: number; name: string }[];
  units: { id: number; name: string }[];
  people: { id: number; name: string; username: string; unitName: string }[];
}

export type CoverageBy = 'cadre' | 'street' | 'industry' | 'scale';
export interface Coverage {
  asOf: string;
  days: number;
  by: CoverageBy;
  total: { assigned: number; unvisited: number; rate: number | null };
  rows: { label: string; assigned: number; unvisited: number; rate: number | null }[];
  unvisited: {
    enterpriseId: number;
    name: string;
    streetName: string | null;
    cadres: string[];
    lastVisit: string | null;
  }[];
  monthly: { month: string; visits: number; requests: number }[];
  solved: { unitId: number; unitName: string; dispatched: number; solved: number; rate: number | null }[];
}

export interface MyVisits {
  enterprises: {
    id: number;
    name: string;
    creditCode: string;
    scale: EnterpriseScale;
    industry: string;
    streetName: string | null;
    address: string;
    contactName: string;
    role: AssignmentRole;
    lastVisit: string | null;
  }[];
  visits: {
    id: number;
    enterpriseId: number;
    enterpriseName: string;
    visitedOn: string;
    forms: VisitForm[];
    purposes: VisitPurpose[];
    notes: string;
    requests: number;
  }[];
}

export interface NewVisit {
  enterpriseId: number;
  visitedOn: string;
  companions: string;
  forms: VisitForm[];
  purposes: VisitPurpose[];
  notes: string;
  fileIds: number[];
  requests: { category: RequestCategory; content: string }[];
}

export interface PublicRequest {
  enterpriseName: string;
  category: string;
  content: string;
  raisedOn: string;
  stage: string;
  deadline: string | null;
  answer: { text: string; at: string } | null;
  rating: RequestRating | null;
  mayRate: boolean;
}
