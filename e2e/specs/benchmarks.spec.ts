import { expect, login, test } from '../fixtures';

test('a leader sees the gap to each peer and the months to close it at our pace', async ({ page }) => {
  await login(page, 'leader');
  await page.goto('/benchmarks');
  await expect(page.getByRole('heading', { name: '对标管理' })).toBeVisible();
  const gdp = page.getByTestId('benchmark-地区生产总值');
  await expect(gdp).toContainText('本区 589.23 亿元（2023-12-31）');
  const boluo = gdp.getByRole('row', { name: /博罗县/ });
  await expect(boluo).toContainText('249.65');
  await expect(boluo).toContainText('70.24%');
  await expect(boluo).toContainText('168 个月');
  await expect(gdp.getByRole('row', { name: /龙海区/ })).toContainText('30 个月');
  // 蔡甸区's 2022 figure is below ours: already ahead. The rank (lower is better) does not move: never.
  await expect(gdp.getByRole('row', { name: /蔡甸区/ })).toContainText('已领先');
  const rank = page.getByTestId('benchmark-县域经济综合排名');
  await expect(rank).toContainText('越小越好');
  await expect(rank.getByRole('row', { name: /蔡甸区/ })).toContainText('按当前速度无法追平');
});
