import { useEffect } from 'react';
import { Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DEFAULT_THRESHOLDS, DERIVED_FIGURES, type DerivedFigure } from '@leitai/core';
import type { IndicatorInfo } from './api/get-campaign';
import { categoriesQuery } from './api/get-categories';
import { activeUnitsQuery } from './api/get-active-units';

const KINDS = ['cumulative', 'rate', 'growth'] as const;
// The measures offered, keyed for their labels; the value stored is the Chinese word (data).
const MEASURES = {
  items: '个',
  firms: '家',
  tenThousandYuan: '万元',
  hundredMillionYuan: '亿元',
  percent: '%',
} as const;
const MONTHS = Array.from({ length: 12 }, (_, i) => i);

interface Values {
  name: string;
  measure: string;
  kind: IndicatorInfo['kind'];
  lowerIsBetter: boolean;
  categoryIds: number[];
  unitIds: number[];
  weight: number | null;
  derivedFrom: DerivedFigure | null;
  ruleKind: 'pointsBehind' | 'ratio';
  yellowFromPoints: number;
  redFromPoints: number;
  redBelowRatio: number;
  profileKind: 'linear' | 'seasonal';
  seasonal: (number | null)[];
}

const DEFAULTS: Values = {
  name: '',
  measure: '个',
  kind: 'cumulative',
  lowerIsBetter: false,
  categoryIds: [],
  unitIds: [],
  weight: 0,
  derivedFrom: null,
  ruleKind: 'pointsBehind',
  yellowFromPoints: Number(DEFAULT_THRESHOLDS.yellowFromPoints),
  redFromPoints: Number(DEFAULT_THRESHOLDS.redFromPoints),
  redBelowRatio: Number(DEFAULT_THRESHOLDS.redBelowRatio),
  profileKind: 'linear',
  seasonal: MONTHS.map((m) => Number(((m + 1) / 12).toFixed(2))),
};

function valuesOf(i: IndicatorInfo): Values {
  const rule = i.rule;
  return {
    ...DEFAULTS,
    name: i.name,
    measure: i.measure,
    kind: i.kind,
    lowerIsBetter: i.lowerIsBetter,
    categoryIds: i.assignments.flatMap((a) => (a.categoryId === null ? [] : [a.categoryId])),
    unitIds: i.assignments.flatMap((a) => (a.unitId === null ? [] : [a.unitId])),
    weight: Number(i.weight),
    derivedFrom: i.derivedFrom,
    ruleKind: rule.kind,
    ...(rule.kind === 'ratio'
      ? { redBelowRatio: Number(rule.redBelowRatio) }
      : { yellowFromPoints: Number(rule.yellowFromPoints), redFromPoints: Number(rule.redFromPoints) }),
    profileKind: i.profile.kind,
    ...(i.profile.kind === 'seasonal' ? { seasonal: i.profile.cumulative.map(Number) } : {}),
  };
}

/** What the server takes: decimals as text, so nothing is rounded on the way. */
function payloadOf(v: Values, editing: boolean) {
  return {
    name: v.name,
    measure: v.measure,
    ...(editing ? {} : { kind: v.kind }),
    lowerIsBetter: v.lowerIsBetter,
    categoryIds: v.categoryIds,
    unitIds: v.unitIds,
    weight: String(v.weight ?? 0),
    derivedFrom: v.derivedFrom ?? null,
    rule:
      v.ruleKind === 'ratio'
        ? { kind: 'ratio', redBelowRatio: String(v.redBelowRatio) }
        : {
            kind: 'pointsBehind',
            yellowFromPoints: String(v.yellowFromPoints),
            redFromPoints: String(v.redFromPoints),
          },
    profile:
      v.profileKind === 'linear'
        ? { kind: 'linear' }
        : { kind: 'seasonal', cumulative: v.seasonal.map((f) => String(f ?? '')) },
  };
}

/**
 * 新增 / 编辑指标: one form for both. Editing keeps the kind (figures already reported were entered as
 * that kind); every other setting, the warning thresholds and the seasonal pace included, can change.
 */
export function IndicatorDialog({
  open,
  indicator,
  onClose,
  onSave,
}: {
  open: boolean;
  indicator: IndicatorInfo | null;
  onClose: () => void;
  onSave: (body: ReturnType<typeof payloadOf>) => Promise<void>;
}) {
  const { t } = useTranslation('dispatch');
  const [form] = Form.useForm<Values>();
  const editing = indicator !== null;
  const categories = useQuery({ ...categoriesQuery(), enabled: open });
  const units = useQuery({ ...activeUnitsQuery(), enabled: open });
  useEffect(() => {
    if (open) form.setFieldsValue(indicator ? valuesOf(indicator) : DEFAULTS);
  }, [open, indicator, form]);
  const ok = async () => {
    // An invalid form shows its own messages; onSave reports how the save went.
    const values = await form.validateFields().catch(() => null);
    if (values) await onSave(payloadOf(values, editing));
  };
  const ruleKind = Form.useWatch('ruleKind', form);
  const profileKind = Form.useWatch('profileKind', form);
  const measures: { value: string; label: string }[] = Object.entries(MEASURES).map(([k, m]) => ({
    value: m,
    label: t(`measures.${k as keyof typeof MEASURES}`),
  }));
  if (indicator && !measures.some((m) => m.value === indicator.measure))
    measures.push({ value: indicator.measure, label: indicator.measure });

  return (
    <Modal
      open={open}
      width={640}
      title={editing ? t('indicator.editTitle', { name: indicator.name }) : t('setup.addIndicator')}
      onCancel={onClose}
      onOk={() => void ok()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={DEFAULTS} preserve={false}>
        <Form.Item
          name="name"
          label={t('setup.indicatorName')}
          rules={[{ required: true, min: 2, message: t('setup.indicatorNameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item
            name="measure"
            label={t('setup.measure')}
            rules={[{ required: true, message: t('setup.measureRequired') }]}
          >
            <Select style={{ width: 140 }} options={measures} />
          </Form.Item>
          <Form.Item name="kind" label={t('setup.kind')} extra={editing ? t('indicator.kindFixed') : undefined}>
            <Select
              style={{ width: 160 }}
              disabled={editing}
              options={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item name="weight" label={t('setup.weight')}>
            <InputNumber min={0} />
          </Form.Item>
        </Space>
        <Form.Item name="derivedFrom" label={t('indicator.derivedFrom')} extra={t('indicator.derivedHint')}>
          <Select
            allowClear
            style={{ width: 320 }}
            placeholder={t('indicator.typed')}
            options={DERIVED_FIGURES.map((d) => ({ value: d, label: t(`derivedFigures.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="lowerIsBetter" valuePropName="checked">
          <Checkbox>{t('indicator.lowerIsBetter')}</Checkbox>
        </Form.Item>
        <Form.Item name="categoryIds" label={t('setup.categories')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="unitIds" label={t('indicator.units')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="ruleKind" label={t('setup.rule')}>
          <Radio.Group
            options={[
              { value: 'pointsBehind', label: t('setup.ruleGap') },
              { value: 'ratio', label: t('setup.ruleRatio') },
            ]}
          />
        </Form.Item>
        {ruleKind === 'ratio' ? (
          <Form.Item
            name="redBelowRatio"
            label={t('indicator.redBelowRatio')}
            rules={[{ required: true, message: t('indicator.required') }]}
          >
            <InputNumber min={0} max={1} step={0.05} />
          </Form.Item>
        ) : (
          <Space wrap align="start">
            <Form.Item
              name="yellowFromPoints"
              label={t('indicator.yellowFromPoints')}
              rules={[{ required: true, message: t('indicator.required') }]}
            >
              <InputNumber min={0} max={100} />
            </Form.Item>
            <Form.Item
              name="redFromPoints"
              label={t('indicator.redFromPoints')}
              rules={[{ required: true, message: t('indicator.required') }]}
            >
              <InputNumber min={0} max={100} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="profileKind" label={t('indicator.profile')} extra={t('indicator.profileHint')}>
          <Radio.Group
            options={[
              { value: 'linear', label: t('indicator.linear') },
              { value: 'seasonal', label: t('indicator.seasonal') },
            ]}
          />
        </Form.Item>
        {profileKind === 'seasonal' && (
          <Space wrap size={[8, 0]}>
            {MONTHS.map((m) => (
              <Form.Item key={m} name={['seasonal', m]} rules={[{ required: true, message: t('indicator.required') }]}>
                <InputNumber
                  aria-label={t('indicator.monthShare', { month: m + 1 })}
                  prefix={t('indicator.month', { month: m + 1 })}
                  min={0}
                  max={1}
                  step={0.01}
                  style={{ width: 120 }}
                />
              </Form.Item>
            ))}
          </Space>
        )}
      </Form>
    </Modal>
  );
}
