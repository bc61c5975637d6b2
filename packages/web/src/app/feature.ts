import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { Permission, Role } from '@leitai/core';

/** A menu entry, shown when the user holds the permission (or one of the roles). */
export interface MenuEntry {
  path: string;
  label: string;
  icon?: ReactNode;
  permission?: Permission;
  roles?: Role[];
  /** Menu group heading (业务 / 管理); entries without one sit at the top. */
  group?: '考核业务' | '系统管理';
  order?: number;
}

/**
 * What a feature adds to the web app: pages inside the signed-in shell, menu entries, and pages
 * outside it (a judge's phone, the big screen) that need no account.
 */
export interface Feature {
  name: string;
  routes: RouteObject[];
  menu: MenuEntry[];
  publicRoutes?: RouteObject[];
}
