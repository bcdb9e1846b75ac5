/** One way to read through a backend command: cached under its query key, a refusal becomes an AppError. */
import { useQuery, type QueryKey } from "@tanstack/react-query";
import { call } from "./errors";

type ReadOptions = { enabled?: boolean; staleTime?: number };

export function useCommandQuery<T>(queryKey: QueryKey, read: () => Promise<T>, options: ReadOptions = {}) {
  return useQuery({ queryKey, queryFn: () => call(read()), ...options });
}
