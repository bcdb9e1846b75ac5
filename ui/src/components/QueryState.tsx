import { Alert, Loader, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

type Props<T> = {
  query: UseQueryResult<T>;
  /** Shown dimmed instead of `children` when the data is an empty list. */
  empty?: ReactNode;
  emptyTestId?: string;
  errorTestId?: string;
  children: (data: T) => ReactNode;
};

/** What stands where a query's data will be until it has some: a loader, or its error. */
export function LoadingOrError({ query, errorTestId }: { query: UseQueryResult<unknown>; errorTestId?: string }) {
  return query.isError ? (
    <Alert color="red" variant="light" data-testid={errorTestId}>
      {query.error.message}
    </Alert>
  ) : (
    <Loader size="sm" />
  );
}

/** A list's loading, error and empty states, alike on every panel; `children` draws the data. */
export function QueryState<T>({ query, empty, emptyTestId, errorTestId, children }: Props<T>) {
  if (query.isPending || query.isError) return <LoadingOrError query={query} errorTestId={errorTestId} />;
  if (empty !== undefined && Array.isArray(query.data) && query.data.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid={emptyTestId}>
        {empty}
      </Text>
    );
  return children(query.data);
}
