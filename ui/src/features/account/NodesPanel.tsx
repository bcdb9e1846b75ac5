import { ActionIcon, Badge, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { IconCheck, IconPencil, IconShoppingCart } from "@tabler/icons-react";
import { useState } from "react";
import { DeleteAction, QueryTable, RowActions } from "../../components/ItemTable";
import type { NodeKind } from "../../api/bindings";
import { useAddNodes, useDeleteNode, useNodes, useSetNodeConsumer } from "../../api/nodes";
import { confirmDanger } from "../../components/confirm";
import { useConsumerFilter } from "../../components/ConsumerFilter";

const KIND_LABEL: Record<NodeKind, string> = {
  regular: "Regular (monthly)",
  daily: "Daily",
  ram: "RAM",
  storage: "Storage",
  fusion: "Fusion",
  bandwidth: "Bandwidth",
};
/** Kinds the API sells (fusion nodes are only listed and removed). */
const BUYABLE: NodeKind[] = ["regular", "daily", "ram", "storage", "bandwidth"];

/** The account's nodes: which server each is assigned to; buy more, remove unassigned ones. */
export function NodesPanel({ accountId }: { accountId: string }) {
  const filter = useConsumerFilter("nodes-consumer-filter");
  const nodes = useNodes(accountId, filter.consumer);
  const add = useAddNodes();
  const remove = useDeleteNode();
  const setConsumer = useSetNodeConsumer();
  /** The node whose consumer id is being edited, and the text typed. */
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [kind, setKind] = useState<NodeKind>("regular");
  const [quantity, setQuantity] = useState<number>(1);

  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-end">
        <Select
          label="Kind"
          data={BUYABLE.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
          value={kind}
          onChange={(v) => v && setKind(v as NodeKind)}
          allowDeselect={false}
          w={200}
          data-testid="nodes-kind"
        />
        <NumberInput label="Quantity" min={1} max={10} value={quantity} onChange={(v) => setQuantity(Number(v) || 1)} w={110} data-testid="nodes-quantity" />
        <Button
          leftSection={<IconShoppingCart size={16} />}
          loading={add.isPending}
          onClick={() =>
            confirmDanger(
              `Buy ${quantity} ${KIND_LABEL[kind]} node${quantity === 1 ? "" : "s"}?`,
              "The pro-rated price is charged at once, and the nodes are billed until they are removed.",
              "Buy nodes",
              "nodes-buy-confirm",
              () => add.mutate({ accountId, kind, quantity }),
            )
          }
          data-testid="nodes-buy"
        >
          Buy…
        </Button>
      </Group>
      {filter.input}
      <QueryTable query={nodes} testId="nodes" columns={["Node", "Kind", "Assigned to", "Consumer"]} empty={filter.consumer ? `No nodes of consumer ${filter.consumer}.` : "No nodes on this account."}
        row={(n) => (
          <Table.Tr key={`${n.kind}-${n.id}`} data-testid={`node-row-${n.id}`}>
            <Table.Td ff="monospace">{n.id}</Table.Td>
            <Table.Td>{KIND_LABEL[n.kind]}</Table.Td>
            <Table.Td>
              {n.server_id ? (
                <Text size="sm" ff="monospace">
                  server {n.server_id}
                </Text>
              ) : (
                <Badge size="sm" variant="light" color="gray">
                  unassigned
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              {editing?.id === n.id ? (
                <Group gap={4} wrap="nowrap">
                  <TextInput
                    size="xs"
                    w={90}
                    aria-label={`Consumer id of node ${n.id}`}
                    placeholder="none"
                    value={editing.text}
                    onChange={(e) => setEditing({ id: n.id, text: e.currentTarget.value })}
                    data-testid={`node-consumer-input-${n.id}`}
                  />
                  <ActionIcon
                    variant="subtle"
                    aria-label="Save consumer id"
                    loading={setConsumer.isPending}
                    onClick={() =>
                      setConsumer.mutate(
                        { accountId, kind: n.kind, nodeId: n.id, consumerId: editing.text.trim() || null },
                        { onSuccess: () => setEditing(null) },
                      )
                    }
                    data-testid={`node-consumer-save-${n.id}`}
                  >
                    <IconCheck size={16} />
                  </ActionIcon>
                </Group>
              ) : (
                <Group gap={4} wrap="nowrap">
                  <Text size="sm" ff="monospace" c={n.consumer_id ? undefined : "dimmed"} data-testid={`node-consumer-${n.id}`}>
                    {n.consumer_id ?? "none"}
                  </Text>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    aria-label={`Edit the consumer id of node ${n.id}`}
                    onClick={() => setEditing({ id: n.id, text: n.consumer_id ?? "" })}
                    data-testid={`node-consumer-edit-${n.id}`}
                  >
                    <IconPencil size={14} />
                  </ActionIcon>
                </Group>
              )}
            </Table.Td>
            <RowActions>
              <DeleteAction
                tooltip={n.server_id ? "Assigned nodes cannot be removed" : "Remove node"}
                disabled={!!n.server_id}
                label={`Remove node ${n.id}`}
                testId={`node-delete-${n.id}`}
                title="Remove node?"
                what={`Node ${n.id} leaves the account: it is no longer billed and cannot be used.`}
                confirm="Remove node"
                confirmTestId="node-delete-confirm"
                onConfirm={() => remove.mutate({ accountId, kind: n.kind, nodeId: n.id })}
              />
            </RowActions>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
