/** The account's nodes (VPS.NET): list, buy (after confirming), remove unassigned ones. */
import { commands, type NodeKind } from "./bindings";
import { useCommandQuery } from "./commandQuery";
import { useExtrasWrite } from "./writes";
import { keys } from "./keys";

/** Every node, or one consumer's (`consumer`: a checked id, see `readConsumerFilter`). */
export function useNodes(accountId: string, consumer: string | null = null) {
  return useCommandQuery(keys.extras.nodes(accountId, consumer), () => commands.listNodes(accountId, consumer));
}

/** Only called after the person confirmed the charge. */
export function useAddNodes() {
  return useExtrasWrite(
    (v: { accountId: string; kind: NodeKind; quantity: number }) => commands.addNodes(v.accountId, v.kind, v.quantity, true),
    (v) => `${v.quantity} ${v.kind} node${v.quantity === 1 ? "" : "s"} bought`,
    "Could not buy nodes",
  );
}

export function useDeleteNode() {
  return useExtrasWrite(
    (v: { accountId: string; kind: NodeKind; nodeId: string }) => commands.deleteNode(v.accountId, v.kind, v.nodeId),
    (v) => `Node ${v.nodeId} removed`,
    "Could not remove the node",
  );
}

/** `consumerId` null or empty clears it. */
export function useSetNodeConsumer() {
  return useExtrasWrite(
    (v: { accountId: string; kind: NodeKind; nodeId: string; consumerId: string | null }) =>
      commands.setNodeConsumer(v.accountId, v.kind, v.nodeId, v.consumerId),
    (v) => (v.consumerId ? `Node ${v.nodeId}: consumer id ${v.consumerId}` : `Node ${v.nodeId}: consumer id cleared`),
    "Could not set the node's consumer id",
  );
}
