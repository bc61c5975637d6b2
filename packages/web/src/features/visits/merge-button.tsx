import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { App, Button, Modal, Select } from 'antd';
import { ApiError } from '../../lib/api';
import { mergeRequest, useRequests, visitsKey } from './api';
import type { RequestRow } from './types';

/** 合并: the same 诉求 raised again goes under another of the same enterprise, which keeps both sources. */
export function MergeButton({ request }: { request: RequestRow }) {
  const { t } = useTranslation('visits');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [into, setInto] = useState<number | null>(null);
  const others = useRequests({ q: request.enterpriseName, page: 1 }, open);
  const options = (others.data?.items ?? [])
    .filter((r) => r.enterpriseId === request.enterpriseId && r.id !== request.id)
    .map((r) => ({ value: r.id, label: `${r.raisedOn} ${r.content}` }));
  const submit = async () => {
    if (into === null) return;
    try {
      await mergeRequest(request.id, into);
      message.success(t('requests.mergedDone'));
      setOpen(false);
      await client.invalidateQueries({ queryKey: visitsKey });
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
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
        okButtonProps={{ disabled: into === null }}
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
