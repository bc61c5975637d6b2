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

test('the office sees a unit against its peer units, and chooses its 学赶对象', async ({ page }) => {
  await login(page, 'organiser');
  await page.goto('/benchmarks');
  await page.getByLabel('对标单位').getByText('区商务局', { exact: true }).click();
  await expect(page).toHaveURL(/unit=\d+/);
  const fdi = page.getByTestId('benchmark-实际使用外资');
  await expect(fdi).toContainText('本单位 3.1 亿美元');
  // 3.1 against 4.2, gaining 0.5 a year on a peer gaining 0.3: 1.1 / (0.2 / 12) = 66 months. 昆山 gains as fast.
  const kunshan = fdi.getByRole('row', { name: /昆山市商务局/ });
  await expect(kunshan).toContainText('学赶对象');
  await expect(kunshan).toContainText('按当前速度无法追平');
  await expect(fdi.getByRole('row', { name: /武昌区商务局/ })).toContainText('66 个月');
  await fdi
    .getByRole('row', { name: /武昌区商务局/ })
    .getByRole('button', { name: '设为学赶对象' })
    .click();
  await expect(page.getByText('已将“武昌区商务局”设为学赶对象')).toBeVisible();
  // The 学赶对象 comes first, on every indicator of the unit, and stays after a reload.
  await page.reload();
  for (const indicator of ['实际使用外资', '外贸进出口总额'])
    await expect(page.getByTestId(`benchmark-${indicator}`).getByRole('row').nth(1)).toContainText(
      '武昌区商务局学赶对象',
    );
});
