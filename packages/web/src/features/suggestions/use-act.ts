import { useState } from 'react';
import { App } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api';
import { suggestionsKey } from './api';

/**
 * One way the suggestions dialogs send a change: busy while it runs, the server's words on failure, a success
 * message, and the suggestions queries refreshed. Returns whether it went through.
 */
export function useAct() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const act = async <T>(work: () => Promise<T>, done: (result: T) => string): Promise<boolean> => {
    setBusy(true);
    try {
      const result = await work();
      message.success(done(result));
      await client.invalidateQueries({ queryKey: suggestionsKey });
      return true;
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, act };
}
