import { useState } from 'react';
import { Button, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { LEDGER_REASON_MIN } from '@leitai/core';

/** 核查意见: the verifier's note on a close-out request, kept in the item's history. */
export function CommentButton({ busy, onSend }: { busy: boolean; onSend: (text: string) => Promise<void> }) {
  const { t } = useTranslation('ledger');
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('detail.actions.comment')}</Button>
      <Modal
        open={open}
        title={t('detail.commentDialog.title')}
        okButtonProps={{ disabled: text.trim().length < LEDGER_REASON_MIN, loading: busy }}
        onCancel={() => setOpen(false)}
        onOk={() => void onSend(text.trim()).then(() => (setOpen(false), setText('')))}
      >
        <Input.TextArea
          aria-label={t('detail.commentDialog.text')}
          rows={3}
          maxLength={500}
          placeholder={t('detail.commentDialog.placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Modal>
    </>
  );
}
