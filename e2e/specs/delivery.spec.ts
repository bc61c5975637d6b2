import type { Page } from '@playwright/test';
import { expect, login, pickOption, serverPort, test } from '../fixtures';

// 消息推送: the office sets up a unit's 企业微信 robot in the web, a notice to the unit fails to the dead
// letters (a wrong key), the office fixes the webhook and sends it again, and the unit's people see the
// receipt on the notice. The robot is the app's own test fake (/api/test/robot, LEITAI_TEST_CLOCK=1): no
// outside network. The spec leaves no robot and the default quiet hours behind.
const webhook = (key: string) => `http://127.0.0.1:${serverPort()}/api/test/robot/send?key=${key}`;

async function api<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const res = await page.request.fetch(url, {
    method,
    headers: { 'x-csrf-token': me.csrfToken },
    ...(body === undefined ? {} : { data: body }),
  });
  expect(res.ok(), await res.text()).toBe(true);
  return (await res.json()) as T;
}

test('a robot set up in the web, a dead letter retried by the office, the receipt on the notice', async ({ page }) => {
  const title = `推送测试：流亭街道防汛物资清点${Date.now() % 100000}`;
  await login(page, 'organiser');
  // The run may fall at night or on a holiday: no quiet hours for this flow (put back at the end).
  await api(page, 'PUT', '/api/delivery/settings', { quiet: { start: 0, end: 0, holdOnDaysOff: false } });

  await page.getByRole('menuitem', { name: '消息推送' }).click();
  await expect(page.getByRole('heading', { name: '消息推送' })).toBeVisible();
  await page.getByRole('button', { name: '添加机器人' }).click();
  const dialog = page.getByRole('dialog', { name: '添加机器人' });
  await dialog.getByLabel('单位').fill('流亭街道');
  await pickOption(page, dialog.getByLabel('单位'), '流亭街道');
  await dialog.getByLabel('名称').fill('流亭街道工作群');
  await dialog.getByLabel('Webhook 地址').fill(webhook('bad-e2e'));
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('机器人已保存')).toBeVisible();
  const row = page.getByRole('row', { name: /流亭街道工作群/ });
  await expect(row).toContainText('企业微信');
  // The key never comes back to the browser.
  await expect(row).toContainText(`http://127.0.0.1:${serverPort()}/api/test/robot/send?…`);
  await expect(row).not.toContainText('bad-e2e');

  // A notice for 流亭街道's people: the office assigns them an item.
  const units = await api<{ items: { id: number; name: string }[] }>(page, 'GET', '/api/units');
  const liuting = units.items.find((u) => u.name === '流亭街道')!;
  await api(page, 'POST', '/api/ledger/items', {
    title,
    source: '查摆问题',
    leadUnitId: liuting.id,
    deadline: `${new Date().getFullYear() + 1}-06-30`,
  });

  // The robot refuses the key (93000): the message is set aside at once, and the office sees why.
  await page.getByRole('tab', { name: '投递失败' }).click();
  const dead = page.getByRole('row', { name: new RegExp(`新督办事项：${title}`) });
  await expect(async () => {
    await page.reload();
    await page.getByRole('tab', { name: '投递失败' }).click();
    await expect(dead).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(dead).toContainText('流亭街道 · 流亭街道工作群');
  await expect(dead).toContainText('93000');

  // Fix the webhook, then send it again.
  await page.getByRole('tab', { name: '群机器人' }).click();
  await row.getByRole('button', { name: '编辑机器人' }).click();
  const edit = page.getByRole('dialog', { name: '编辑机器人' });
  await edit.getByLabel('Webhook 地址').fill(webhook('good-e2e'));
  await edit.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByText('机器人已保存')).toBeVisible();
  await page.getByRole('tab', { name: '投递失败' }).click();
  await dead.getByRole('button', { name: /重\s*发/ }).click();
  await expect(page.getByText('已重新加入发送队列')).toBeVisible();
  await expect(dead).toHaveCount(0);
  await expect
    .poll(async () => {
      const got = await api<{ accepted: { key: string; content: string }[] }>(page, 'GET', '/api/test/robot');
      return got.accepted.some((m) => m.key === 'good-e2e' && m.content.includes(title));
    })
    .toBe(true);

  // The unit's head sees where the notice went.
  await login(page, 'head.liuting');
  await page.getByTestId('notification-bell').click();
  const notice = page.getByTestId('notification-list').getByRole('listitem').filter({ hasText: title });
  await expect(notice.getByTestId('notice-receipts')).toContainText('企业微信 已送达');
  // Opening a notice closes the list and goes to its item.
  await notice.getByText(`新督办事项：${title}`).click();
  await expect(page.getByTestId('notification-list')).toBeHidden();
  await expect(page).toHaveURL(/\/ledger\/items\/\d+$/);

  // Put things back: no robot, default quiet hours.
  await login(page, 'organiser');
  const robots = await api<{ items: { id: number; name: string }[] }>(page, 'GET', '/api/delivery/robots');
  for (const r of robots.items.filter((x) => x.name === '流亭街道工作群'))
    await api(page, 'DELETE', `/api/delivery/robots/${r.id}`);
  await api(page, 'PUT', '/api/delivery/settings', { quiet: { start: 1200, end: 480, holdOnDaysOff: true } });
});

test('everyone keeps their own channels; one this deployment lacks cannot be switched on', async ({ page }) => {
  await login(page, 'reporter.fgj');
  await page.getByTestId('notification-bell').click();
  await page.getByRole('link', { name: '通知方式' }).click();
  await expect(page.getByRole('heading', { name: '通知方式' })).toBeVisible();
  await expect(page.getByTestId('notification-list')).toBeHidden();
  await expect(page.getByRole('switch', { name: '短信通知' })).toBeDisabled();
  await expect(page.getByText('本系统未配置此通道').first()).toBeVisible();
  await page.getByLabel('手机号').fill('13800138000');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('通知方式已保存')).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('手机号')).toHaveValue('13800138000');
  await page.getByLabel('手机号').fill('');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('通知方式已保存')).toBeVisible();
});

test('only the office sees 消息推送', async ({ page }) => {
  await login(page, 'head.fgj');
  await expect(page.getByRole('menuitem', { name: '消息推送' })).toHaveCount(0);
});
