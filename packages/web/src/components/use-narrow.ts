import { Grid } from 'antd';

/**
 * True below Ant Design's lg breakpoint (992 px), on a phone or small tablet: the menu moves into a
 * drawer, spacing tightens, fixed table columns let go. Ant Design's own breakpoints, so layout and
 * components agree (its first answer is settled in a layout effect, before the page paints).
 */
export const useNarrow = (): boolean => !Grid.useBreakpoint().lg;
