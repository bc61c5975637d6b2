import { download } from '../../../lib/api';

export const exportUnits = () => download('/units/export');
