import { download } from '../../../lib/api';

export const exportUsers = () => download('/users/export');
