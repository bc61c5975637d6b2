import { useState } from 'react';
import { App } from 'antd';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError } from './api';

/**
 * One way a feature's dialogs send a change: busy while it runs, the server's words on failure, a success
 * message from the answer, and the feature's queries (`queryKey`) refreshed. Returns whether it went through.
 */
export function useAct(queryKey: QueryKey) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const act = async <T>(work: () => Promise<T>, done: (result: T) => string): Promise<boolean> => {
    setBusy(true);
    try {
      const result = await work();
      message.success(done(result));
      await client.invalidateQueries({ queryKey });
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
