import { Alert, Badge, Card, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Tooltip } from "@mantine/core";
import { IconAlertTriangle, IconInfoCircle } from "@tabler/icons-react";
import type { UseQueryResult } from "@tanstack/react-query";
import type { Balance } from "../../api/bindings";
import type { AppError } from "../../api/errors";
import { useBalanceTotals, type BillingAccount } from "../../api/billing";
import { hasCapability } from "../../lib/capabilities";
import { abs, isAmount, money } from "./money";
import { isLow } from "./threshold";
import { Time } from "../../components/Time";

const MEANING: Record<Balance["meaning"], { color: string; word: string }> = {
  credit: { color: "teal", word: "credit" },
  owed: { color: "red", word: "owed" },
  settled: { color: "gray", word: "settled" },
};

/** What the sign of this provider's number means, in words. */
function signNote(b: Balance): string {
  if (b.provider === "vultr") {
    return `Vultr reports ${b.provider_balance}: it counts what you owe, so a negative number there is credit.`;
  }
  return `${b.provider_balance} as reported: a positive balance is prepaid credit.`;
}

type Props = {
  accounts: BillingAccount[];
  balances: UseQueryResult<Balance, AppError>[];
  thresholds: Record<string, string>;
  onThreshold: (accountId: string, value: string | null) => void;
};

/** One card per account: the balance in words, pending charges, last payment, a low-balance threshold. */
export function BalanceCards({ accounts, balances, thresholds, onThreshold }: Props) {
  const withBalance = accounts.filter((a) => hasCapability(a, "billing.balance"));
  const loaded = balances.flatMap((q) => (q.data ? [q.data] : []));
  const totalsQuery = useBalanceTotals(loaded);
  // Without a loaded balance there is nothing to total, whatever an earlier answer said.
  const totals = loaded.length > 0 ? (totalsQuery.data ?? []) : [];
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="billing-balances">
        {withBalance.map((a, i) => (
          <BalanceCard
            key={a.account_id}
            account={a}
            query={balances[i]}
            threshold={thresholds[a.account_id]}
            onThreshold={(v) => onThreshold(a.account_id, v)}
          />
        ))}
        {/* Accounts whose provider has no billing at all get the page's note instead. */}
        {accounts
          .filter((a) => !hasCapability(a, "billing.balance") && !a.note)
          .map((a) => (
            <Card key={a.account_id} withBorder padding="sm" data-testid={`billing-nobalance-${a.account_id}`}>
              <Text fw={600} size="sm">
                {a.account}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {a.provider_label}'s API reports no balance.{" "}
                <a href={a.panel_url} target="_blank" rel="noreferrer">
                  See it in the {a.provider_label} panel
                </a>
                .
              </Text>
            </Card>
          ))}
      </SimpleGrid>
      {totals.length > 0 && (
        <Group gap="xs" data-testid="billing-totals">
          <Text size="sm" c="dimmed">
            Total per currency:
          </Text>
          {totals.map((t) => (
            <Paper key={t.currency} withBorder px="sm" py={4} radius="xl" data-testid={`billing-total-${t.currency}`}>
              <Text size="sm" fw={700} span>
                {money(t.total, t.currency)}
              </Text>
              <Text span size="xs" c="dimmed" ml={6}>
                ({t.accounts} {t.accounts === 1 ? "account" : "accounts"})
              </Text>
            </Paper>
          ))}
          <Tooltip label="Credit counts positive, money owed negative. Currencies are never added together." multiline w={260}>
            <IconInfoCircle size={16} color="var(--mantine-color-dimmed)" aria-label="How totals are computed" />
          </Tooltip>
        </Group>
      )}
      {loaded.length > 0 && totalsQuery.isError && (
        <Text size="xs" c="red" data-testid="billing-totals-error">
          The totals per currency could not be computed: {totalsQuery.error.message}
        </Text>
      )}
    </Stack>
  );
}

function BalanceCard({
  account,
  query,
  threshold,
  onThreshold,
}: {
  account: BillingAccount;
  query: UseQueryResult<Balance, AppError> | undefined;
  threshold: string | undefined;
  onThreshold: (v: string | null) => void;
}) {
  const b = query?.data;
  const low = b ? isLow(b.balance, threshold) : false;
  const bad = threshold !== undefined && threshold !== "" && !isAmount(threshold);
  return (
    <Card withBorder padding="sm" data-testid={`billing-card-${account.account_id}`} data-low={low || undefined}>
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600} size="sm" truncate>
          {account.account}
        </Text>
        <Badge variant="light" size="sm" color="gray">
          {account.provider_label}
        </Badge>
      </Group>
      {query?.isPending && <Loader size="sm" mt="sm" />}
      {query?.isError && (
        <Alert color="red" variant="light" mt="xs" p="xs" icon={<IconAlertTriangle size={14} />}>
          <Text size="xs">{query.error.message}</Text>
        </Alert>
      )}
      {b && (
        <Stack gap={2} mt={6}>
          <Group gap="xs" align="baseline">
            <Text size="xl" fw={700} data-testid={`billing-balance-${account.account_id}`}>
              {money(abs(b.balance), b.currency)}
            </Text>
            <Badge color={MEANING[b.meaning].color} variant="light" size="sm">
              {MEANING[b.meaning].word}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" data-testid={`billing-summary-${account.account_id}`}>
            You have {b.meaning === "owed" ? `${money(abs(b.balance), b.currency)} to pay` : b.summary}. {signNote(b)}
          </Text>
          {b.pending_charges !== null && (
            <Text size="xs">
              Pending charges (not yet invoiced): <b>{money(b.pending_charges, b.currency)}</b>
            </Text>
          )}
          {b.credits !== null && (
            <Text size="xs">
              Account credits: <b>{money(b.credits, b.currency)}</b>
            </Text>
          )}
          {(b.last_payment_amount !== null || b.last_payment_date) && (
            <Text size="xs">
              Last payment: <b>{b.last_payment_amount !== null ? money(b.last_payment_amount, b.currency) : "—"}</b>
              {b.last_payment_date && (
                <>
                  {" on "}
                  <Time value={b.last_payment_date} />
                </>
              )}
            </Text>
          )}
          {low && (
            <Alert color="orange" variant="light" p={6} mt={4} icon={<IconAlertTriangle size={14} />} data-testid={`billing-low-${account.account_id}`}>
              <Text size="xs">
                Below your warning level of {money(threshold!, b.currency)}: top up at{" "}
                <a href={account.panel_url} target="_blank" rel="noreferrer">
                  {account.panel_url}
                </a>
              </Text>
            </Alert>
          )}
        </Stack>
      )}
      <TextInput
        mt="xs"
        size="xs"
        label={`Warn below (${b?.currency ?? "balance currency"})`}
        placeholder="e.g. 50.00"
        defaultValue={threshold ?? ""}
        error={bad ? "Enter an amount like 50 or 50.00" : undefined}
        onBlur={(e) => onThreshold(e.currentTarget.value)}
        onKeyDown={(e) => e.key === "Enter" && onThreshold(e.currentTarget.value)}
        data-testid={`billing-threshold-${account.account_id}`}
      />
    </Card>
  );
}
