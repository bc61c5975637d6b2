import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Modal, Select } from 'antd';
import { mergeRequest, useRequests } from './api';
import { useAct } from './use-act';
import type { RequestRow } from './types';

/** 合并: the same 诉求 raised again goes under another of the same enterprise, which keeps both sources. */
export function MergeButton({ request }: { request: RequestRow }) {
  const { t } = useTranslation('visits');
  const [open, setOpen] = useState(false);
  const { busy, act } = useAct();
  const [into, setInto] = useState<number | null>(null);
  const others = useRequests({ q: request.enterpriseName, page: 1 }, open);
  const options = (others.data?.items ?? [])
    .filter((r) => r.enterpriseId === request.enterpriseId && r.id !== request.id)
    .map((r) => ({ value: r.id, label: `${r.raisedOn} ${r.content}` }));
  const submit = async () => {
    if (
      into !== null &&
      (await act(
        () => mergeRequest(request.id, into),
        () => t('requests.mergedDone'),
      ))
    )
      setOpen(false);
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('requests.merge')}
      </Button>
      <Modal
        open={open}
        title={t('requests.mergeTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        okButtonProps={{ disabled: into === null, loading: busy }}
        destroyOnHidden
      >
        <Select
          style={{ width: '100%' }}
          aria-label={t('requests.mergeInto')}
          placeholder={t('requests.mergeInto')}
          options={options}
          onChange={(v: number) => setInto(v)}
        />
      </Modal>
    </>
  );
}
