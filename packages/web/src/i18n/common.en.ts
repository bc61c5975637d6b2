import type { Messages } from './types';
import type { commonMessages } from './common';

/** English (loaded only when chosen: the first page carries only 简体中文). */
export const commonMessagesEn: Messages<typeof commonMessages> = {
  app: {
    name: 'Leitai',
    subtitle: 'Performance platform',
    title: 'Leitai · Performance platform',
    tagline: 'Show results · Compare delivery · Rank in the open',
    opening: 'Opening…',
  },
  language: { label: 'Language' },
  listSeparator: ', ',
  problemSeparator: '; ',
  actions: { save: 'Save', cancel: 'Cancel', confirm: 'Confirm', retry: 'Retry', export: 'Export' },
  feedback: {
    saved: 'Saved',
    saveFailed: 'Could not save',
    failed: 'The operation failed',
    total: '{{count}} in total',
  },
  errors: {
    offline: 'Cannot reach the server',
    requestFailed: 'Request failed ({{status}})',
    downloadFailed: 'Download failed ({{status}})',
    notFound: 'Page not found',
    backHome: 'Back to the workbench',
  },
  menu: { home: 'Workbench', open: 'Open the menu', groups: { business: 'Assessment', admin: 'Administration' } },
  user: { changePassword: 'Change password', logout: 'Sign out' },
  roles: {
    sysadmin: 'System administrator',
    secadmin: 'Security administrator',
    auditor: 'Audit administrator',
    organiser: 'Assessment office',
    leader: 'District leader',
    unit_head: 'Unit head',
    reporter: 'Unit reporter',
    judge: 'Judge',
    org_dept: 'Organisation department',
  },
  login: {
    username: 'Username',
    usernameRequired: 'Enter your username',
    password: 'Password',
    passwordRequired: 'Enter your password',
    challenge: 'Check question: {{question}}',
    challengeRequired: 'Answer the check question',
    submit: 'Sign in',
  },
  home: { greeting: 'Hello, {{name}}', unit: 'Unit', roles: 'Roles', account: 'Account' },
  password: {
    title: 'Change password',
    requiredTitle: 'First sign-in: please change your password',
    changed: 'Password changed',
    current: 'Current password',
    currentRequired: 'Enter your current password',
    next: 'New password',
    nextHint:
      'At least 8 characters from at least 3 of: capitals, small letters, digits, symbols; must not contain the username',
    nextRequired: 'Enter a new password',
    confirm: 'Confirm the new password',
    confirmRequired: 'Enter the new password again',
    mismatch: 'The two passwords differ',
  },
  excelImport: {
    success: 'Imported',
    step1: 'Step 1:',
    template: 'Download the template',
    nextSteps:
      'Step 2: fill it in (the first row is the header; leave it as it is). Step 3: upload the filled file. If any row is invalid, nothing is written: fix the rows listed and upload again.',
    busy: 'Checking and importing…',
    drop: 'Click or drop the filled .xlsx file here',
    row: 'Row',
    column: 'Column',
    problem: 'Problem',
  },
};
