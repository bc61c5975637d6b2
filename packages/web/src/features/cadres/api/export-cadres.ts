import { download } from '../../../lib/api';

export const exportCadres = () => download('/cadres/export');
