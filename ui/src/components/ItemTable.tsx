import { ActionIcon, Button, Group, Table, Text, Tooltip, type MantineSpacing } from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { confirmDanger } from "./confirm";

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

export function RowActions({ children }: { children: ReactNode }) {
  return (
    <Group gap={2} justify="flex-end" wrap="nowrap">
      {children}
    </Group>
  );
}

type RowActionProps = {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  testId: string;
  /** Shown on hover. */
  tooltip?: string;
  color?: string;
};

/** An icon button in a row; its label is what screen readers and tests find it by. */
export function RowAction({ label, icon, onClick, testId, tooltip, color }: RowActionProps) {
  const button = (
    <ActionIcon variant="subtle" color={color} aria-label={label} onClick={onClick} data-testid={testId}>
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
