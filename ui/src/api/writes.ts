/** The shapes of a write on an account's resources: what it refetches afterwards, and whether a failure is a notification or stays with its form. */
import { useMutation, useQueryClient, type QueryKey } from "@tanstack/react-query";
import { call } from "./errors";
import { notifyError, notifySuccess } from "../lib/notify";
import type { Target } from "./jobs";
import { keys } from "./keys";

/** A write whose success refetches the account's extras (and says so). */
export function useExtrasWrite<V extends { accountId: string }, R>(fn: (v: V) => Promise<R>, success: (v: V) => string, failure: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => call(fn(v)),
    onSuccess: (_r, v) => notifySuccess(success(v)),
    onError: (e) => notifyError(failure, e),
    onSettled: (_r, _e, v) => qc.invalidateQueries({ queryKey: keys.extras.account(v.accountId) }),
  });
}

/** Form writes: errors are shown in the form, not as a notification. */
export function useExtrasFormWrite<V extends { accountId: string }, R>(fn: (v: V) => Promise<R>, success: (v: V) => string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => call(fn(v)),
    onSuccess: (_r, v) => notifySuccess(success(v)),
    onSettled: (_r, _e, v) => qc.invalidateQueries({ queryKey: keys.extras.account(v.accountId) }),
  });
}

/** A write that refreshes the account's resources (and servers) afterwards. */
export function useAccountWrite<V extends { accountId: string }, R>(fn: (v: V) => Promise<R>, success: ((v: V, r: R) => string) | null, failure: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => call(fn(v)),
    onSuccess: (r, v) => {
      if (success) notifySuccess(success(v, r));
    },
    onError: (e) => notifyError(failure, e),
    onSettled: (_r, _e, v) => {
      void qc.invalidateQueries({ queryKey: keys.extras.account(v.accountId) });
      void qc.invalidateQueries({ queryKey: keys.servers.account(v.accountId) });
    },
  });
}

/**
 * Saves one of a server's forms: what the provider saved replaces the cached copy under `cacheKey`,
 * the account's servers refetch (a name may have changed) and `saved` names what was saved. Errors
 * stay with the form (per-field messages), so no toast on failure.
 */
export function useServerFormSave<V extends Target, R>(cacheKey: (accountId: string, serverId: string) => QueryKey, save: (v: V) => Promise<R>, saved: (r: R) => [title: string, message: string]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: V) => call(save(v)),
    onSuccess: (r, v) => {
      qc.setQueryData(cacheKey(v.accountId, v.serverId), r);
      void qc.invalidateQueries({ queryKey: keys.servers.account(v.accountId) });
      notifySuccess(...saved(r));
    },
  });
}
