/** The shapes of a write on an account's resources: what it refetches afterwards, and whether a failure is a notification or stays with its form. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call } from "./errors";
import { notifyError, notifySuccess } from "../lib/notify";
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
