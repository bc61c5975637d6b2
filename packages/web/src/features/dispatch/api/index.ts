// Temporary: the report page still imports './api' until it is moved onto the endpoint files (after srv-a's merge).
export { reportUrl, useReport, type ReportFormData } from './get-report';
export { useCurrentCampaign } from './get-campaigns';
