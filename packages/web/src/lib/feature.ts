import type { ComponentType, ReactNode } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { ParseKeys, TypeOptions } from 'i18next';
import type { Permission, Role } from '@leitai/core';
import type { ReportSectionUi } from './report-sections';

/**
 * A message key with its namespace, e.g. `'admin:menu.units'`; the shell translates it. The namespaces
 * are those the shell declares to i18next (app/messages.ts), read back from its type options.
 */
export type MessageKey = ParseKeys<(keyof TypeOptions['resources'])[]>;

/** Menu group headings (common:menu.groups.*); entries without one sit at the top. */
export type MenuGroup = 'business' | 'admin';

/** A menu entry, shown when the user holds the permission (or one of the roles). */
export interface MenuEntry {
  path: string;
  label: MessageKey;
  icon?: ReactNode;
  permission?: Permission;
  roles?: Role[];
  group?: MenuGroup;
  order?: number;
  /** Pages outside `path` that belong to this entry (it is highlighted there), e.g. a report under 本单位调度. */
  also?: string[];
}

/**
 * What a feature adds to the web app (each feature's index.tsx exports one; app/features.ts lists them): pages inside the signed-in shell, menu entries, and pages
 * outside it (a judge's phone, the big screen) that need no account.
 */
export interface Feature {
  name: string;
  routes: RouteObject[];
  menu: MenuEntry[];
  publicRoutes?: RouteObject[];
  /** Cards on the home page (工作台), each rendering nothing when it has nothing for the user. */
  homeCards?: ComponentType[];
  /** Parts of the monthly report this feature draws (lib/report-sections). */
  reportSections?: ReportSectionUi[];
}

/**
 * A page that arrives with its own chunk on first visit: the shell and the login page download none of
 * the features' pages (code split per page; ECharts and other heavy parts only where a page uses them).
 */
export function lazyRoute<M>(path: string, load: () => Promise<M>, pick: (module: M) => ComponentType): RouteObject {
  return { path, ...lazyPage(load, pick) };
}

/** The `lazy` part of a route (for one without a path of its own: an index, a layout). */
export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: pick(await load()) }) };
}
