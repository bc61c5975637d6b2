import { expect, login, test } from '../fixtures';

// Last month in Asia/Shanghai: the demo leaves it open, with 区发改局 not yet reported.
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
function lastMonth(): string {
  const [y, m] = shanghaiToday().split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

test('while a figure is typed the form shows its pace target, gap and light, and 进展 opens with a sentence that follows it', async ({
  page,
}) => {
  const period = lastMonth();
  const month = Number(period.slice(5));
  await login(page, 'reporter.fgj');
  await page.getByRole('menuitem', { name: '本单位调度' }).click();
  await page.getByTestId(`due-${period}`).getByRole('button', { name: '去填报' }).click();
  await expect(page.getByRole('heading', { name: `区发改局 · ${period} 月度调度` })).toBeVisible();

  const row = page.getByRole('row', { name: /签约亿元以上项目/ });
  const light = row.locator('[data-testid^="light-"]');
  const gap = row.locator('[data-testid^="gap-"]');
  const progress = page.getByLabel('工作进展');
  const signed = page.getByLabel('签约亿元以上项目本期数值');

  // Far behind: red, the gap in points behind, and the sentence says so.
  await signed.fill('0.5');
  await expect(light.getByTestId('warning-red')).toBeVisible();
  await expect(gap).toContainText('落后');
  await expect(row.locator('[data-testid^="pace-"]')).not.toHaveText('—');
  const span = month > 1 ? `1—${month}月` : `${month}月`;
  await expect(progress).toHaveValue(
    new RegExp(`^${span}完成签约亿元以上项目0\\.5个，完成年度目标的[\\d.]+%，落后序时进度[\\d.]+个百分点`),
  );

  // The person writes on after the sentence; a new figure rewrites the sentence and keeps what they wrote.
  const typed = (await progress.inputValue()) + '重点项目集中开工。';
  await progress.fill(typed);
  await signed.fill('999');
  await expect(light.getByTestId('warning-green')).toBeVisible();
  await expect(gap).toContainText('超');
  await expect(progress).toHaveValue(
    new RegExp(`^${span}完成签约亿元以上项目999个，.*超序时进度[\\d.]+个百分点.*。重点项目集中开工。$`),
  );
  await expect(page.getByText('首句按本期数值自动生成')).toBeVisible();

  // Blank: no light, and the sentence drops that indicator.
  await signed.fill('');
  await expect(light).toHaveText('—');
  await expect(progress).not.toHaveValue(/签约亿元以上项目/);
});
