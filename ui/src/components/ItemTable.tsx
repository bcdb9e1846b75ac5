import { ActionIcon, Button, Group, Table, Text, Tooltip, type MantineSpacing } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { confirmDanger } from "./confirm";
import { QueryState } from "./QueryState";

type HeaderProps = {
  /** A bold section title, or else a dimmed description of what the list holds. */
  title?: string;
  description?: string;
  addLabel: string;
  addTestId: string;
  onAdd: () => void;
  loading?: boolean;
  mt?: MantineSpacing;
};

/** The line above a list of named items: what it is, and its add button. */
export function ListHeader({ title, description, addLabel, addTestId, onAdd, loading, mt }: HeaderProps) {
  return (
    <Group justify="space-between" mt={mt}>
      {title ? (
        <Text fw={600} size="sm">
          {title}
        </Text>
      ) : (
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      )}
      <Button size="xs" leftSection={<IconPlus size={14} />} onClick={onAdd} loading={loading} data-testid={addTestId}>
        {addLabel}
      </Button>
    </Group>
  );
}

type TableProps = {
  testId: string;
  columns: string[];
  /** false: a read-only list, no actions column. */
  actions?: boolean;
  children: ReactNode;
};

/** A compact table of items whose last column holds each row's actions. */
export function ItemTable({ testId, columns, actions = true, children }: TableProps) {
  return (
    <Table fz="sm" verticalSpacing={4} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c}>{c}</Table.Th>
          ))}
          {actions && <Table.Th aria-label="Actions" />}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}

/** A row's first cell: the item's label over its id. */
export function LabelAndIdCell({ label, id }: { label: ReactNode; id: string }) {
  return (
    <Table.Td>
      <Text size="sm">{label}</Text>
      <Text size="xs" c="dimmed" ff="monospace">
        {id}
      </Text>
    </Table.Td>
  );
}

type QueryTableProps<T> = Omit<TableProps, "children" | "testId"> & {
  query: UseQueryResult<T[]>;
  /** Prefix of the test ids `<testId>-table`, `-empty` and `-error`. */
  testId: string;
  empty?: ReactNode;
  row: (item: T) => ReactNode;
};

/** A query's list as an ItemTable, one row per item, with QueryState's loading, error and empty states. */
export function QueryTable<T>({ query, testId, empty, row, ...table }: QueryTableProps<T>) {
  return (
    <QueryState query={query} empty={empty} emptyTestId={`${testId}-empty`} errorTestId={`${testId}-error`}>
      {(data) => (
        <ItemTable testId={`${testId}-table`} {...table}>
          {data.map((item) => row(item))}
        </ItemTable>
      )}
    </QueryState>
  );
}

/** A row's last cell: its actions, right-aligned. */
export function RowActions({ children }: { children: ReactNode }) {
  return (
    <Table.Td>
      <Group gap={2} justify="flex-end" wrap="nowrap">
        {children}
      </Group>
    </Table.Td>
  );
}

type RowActionProps = {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  testId?: string;
  /** Shown on hover. */
  tooltip?: string;
  color?: string;
  /** Not possible for this item yet: aria-disabled rather than disabled, so it stays hoverable and the tooltip can say why; a click does nothing. */
  blocked?: boolean;
};

/** An icon button in a row; its label is what screen readers and tests find it by. */
export function RowAction({ label, icon, onClick, testId, tooltip, color, blocked }: RowActionProps) {
  const button = (
    <ActionIcon variant="subtle" color={color} aria-label={label} aria-disabled={blocked || undefined} onClick={() => !blocked && onClick()} data-testid={testId}>
      {icon}
    </ActionIcon>
  );
  return tooltip ? <Tooltip label={tooltip}>{button}</Tooltip> : button;
}

type DeleteProps = {
  label: string;
  testId: string;
  /** The red confirm step: its title, what happens, its button and that button's test id. */
  title: string;
  what: string;
  confirm: string;
  confirmTestId: string;
  onConfirm: () => void;
  /** Shown on hover; say why here when the action is disabled. */
  tooltip?: string;
  disabled?: boolean;
};

/** The red bin at the end of a row; nothing is sent before the user confirms. */
export function DeleteAction({ label, testId, title, what, confirm, confirmTestId, onConfirm, tooltip, disabled }: DeleteProps) {
  const bin = (
    <ActionIcon variant="subtle" color="red" aria-label={label} disabled={disabled} onClick={() => confirmDanger(title, what, confirm, confirmTestId, onConfirm)} data-testid={testId}>
      <IconTrash size={16} />
    </ActionIcon>
  );
  return tooltip ? <Tooltip label={tooltip}>{bin}</Tooltip> : bin;
}
