import { Alert, Button, Group, Loader, Select, Table, Tabs, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { IconFileTypeCsv } from "@tabler/icons-react";
import { useState, type ReactNode } from "react";
import type { Capability } from "../../api/bindings";
import { exportCsv, usePricing, useTransactions, useUsage, type BillingAccount } from "../../api/billing";
import { hasCapability } from "../../lib/capabilities";
import { ChargesChart } from "./ChargesChart";
import { csvName, toCsv, type CsvColumn } from "./csv";
import { money } from "./money";
import { SubscriptionsPanel } from "./SubscriptionsPanel";
import { CurrenciesTab } from "./CurrenciesTab";
import { Time } from "../../components/Time";

/** `value` names the tab (and its test id); `capability` decides whether the account has it. */
const TABS: { value: string; capability: Capability; label: string }[] = [
  { value: "transactions", capability: "billing.transactions", label: "Transactions" },
  { value: "usage", capability: "billing.usage", label: "Usage" },
  { value: "pricing", capability: "billing.pricing", label: "Prices" },
  { value: "subscriptions", capability: "billing.subscriptions", label: "Subscriptions" },
  { value: "currencies", capability: "billing.currencies", label: "Currencies" },
];

/** Transactions, usage, prices, subscriptions and currencies of one account, as far as its provider has them. */
export function AccountPanel({ accounts }: { accounts: BillingAccount[] }) {
  const eligible = accounts.filter((a) => TABS.some((t) => hasCapability(a, t.capability)));
  const [chosen, setChosen] = useState<string | null>(null);
  const account = eligible.find((a) => a.account_id === chosen) ?? eligible[0];
  if (!account) return null;
  const tabs = TABS.filter((t) => hasCapability(account, t.capability));
  return (
    <div data-testid="billing-account-panel">
      <Group mb="xs">
        <Select
          size="xs"
          w={240}
          label="Account"
          value={account.account_id}
          onChange={(v) => v && setChosen(v)}
          allowDeselect={false}
          data={eligible.map((a) => ({ value: a.account_id, label: `${a.account} (${a.provider_label})` }))}
          data-testid="billing-account-select"
        />
      </Group>
      <Tabs key={account.account_id} defaultValue={tabs[0].value} keepMounted={false}>
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} data-testid={`billing-tab-${t.value}`}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="transactions" pt="xs">
          <TransactionsTab accountId={account.account_id} />
        </Tabs.Panel>
        <Tabs.Panel value="usage" pt="xs">
          <UsageTab accountId={account.account_id} />
        </Tabs.Panel>
        <Tabs.Panel value="pricing" pt="xs">
          <PricingTab accountId={account.account_id} />
        </Tabs.Panel>
        <Tabs.Panel value="subscriptions" pt="xs">
          <SubscriptionsPanel accountId={account.account_id} />
        </Tabs.Panel>
        <Tabs.Panel value="currencies" pt="xs">
          <CurrenciesTab accountId={account.account_id} hasBalance={hasCapability(account, "billing.balance")} />
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}

type ExportTableProps<T> = {
  query: UseQueryResult<T[]>;
  testid: string;
  /** The CSV file's name and columns, and the export button's test id. */
  csv: { name: string; testid: string; columns: CsvColumn<T>[] };
  head: ReactNode;
  row: (item: T) => ReactNode;
  /** Drawn above the export button. */
  before?: (rows: T[]) => ReactNode;
  /** Said under the table when it has no rows. */
  empty?: string;
};

/** One billing list: a table with its CSV export. A failed refresh shows its error above the rows already loaded. */
function ExportTable<T>({ query, testid, csv, head, row, before, empty }: ExportTableProps<T>) {
  const rows = query.data ?? [];
  return (
    <>
      {query.isPending ? (
        <Loader size="sm" />
      ) : (
        query.isError && (
          <Alert color="red" variant="light">
            {query.error.message}
          </Alert>
        )
      )}
      {query.data && (
        <>
          {before?.(rows)}
          <Group justify="flex-end" mb="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFileTypeCsv size={14} />}
              disabled={rows.length === 0}
              onClick={() => exportCsv(csvName(csv.name), toCsv(rows, csv.columns))}
              data-testid={csv.testid}
            >
              Export CSV
            </Button>
          </Group>
          <Table striped verticalSpacing={4} fz="sm" data-testid={testid}>
            <Table.Thead>
              <Table.Tr>{head}</Table.Tr>
            </Table.Thead>
            <Table.Tbody>{rows.map(row)}</Table.Tbody>
          </Table>
          {empty && rows.length === 0 && (
            <Text size="sm" c="dimmed">
              {empty}
            </Text>
          )}
        </>
      )}
    </>
  );
}

function TransactionsTab({ accountId }: { accountId: string }) {
  return (
    <ExportTable
      query={useTransactions(accountId, true)}
      testid="transactions-table"
      csv={{
        name: "transactions",
        testid: "transactions-export-csv",
        columns: [
          { header: "id", value: (t) => t.id },
          { header: "date", value: (t) => t.date },
          { header: "amount", value: (t) => t.amount },
          { header: "currency", value: (t) => t.currency },
          { header: "description", value: (t) => t.description },
        ],
      }}
      before={(rows) => <ChargesChart transactions={rows} />}
      empty="No transactions."
      head={
        <>
          <Table.Th>Date</Table.Th>
          <Table.Th>Description</Table.Th>
          <Table.Th ta="right">Amount</Table.Th>
        </>
      }
      row={(t) => (
        <Table.Tr key={t.id} data-testid="transaction-row">
          <Table.Td style={{ whiteSpace: "nowrap" }}>
            <Time value={t.date} />
          </Table.Td>
          <Table.Td>{t.description}</Table.Td>
          <Table.Td ta="right" ff="monospace" c={t.amount.startsWith("-") ? undefined : "teal"}>
            {money(t.amount, t.currency)}
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
}

function UsageTab({ accountId }: { accountId: string }) {
  return (
    <ExportTable
      query={useUsage(accountId, true)}
      testid="usage-table"
      csv={{
        name: "usage",
        testid: "usage-export-csv",
        columns: [
          { header: "resource", value: (u) => u.resource },
          { header: "label", value: (u) => u.label },
          { header: "used", value: (u) => u.used },
          { header: "burst", value: (u) => u.burst },
          { header: "subscribed", value: (u) => u.subscribed },
          { header: "unit", value: (u) => u.unit },
        ],
      }}
      head={
        <>
          <Table.Th>What</Table.Th>
          <Table.Th ta="right">Used</Table.Th>
          <Table.Th ta="right">Burst</Table.Th>
          <Table.Th ta="right">Subscribed</Table.Th>
          <Table.Th>Unit</Table.Th>
        </>
      }
      row={(u) => (
        <Table.Tr key={u.resource} data-testid="usage-row">
          <Table.Td>{u.label}</Table.Td>
          <Table.Td ta="right" ff="monospace">{u.used ?? "—"}</Table.Td>
          <Table.Td ta="right" ff="monospace">{u.burst ?? "—"}</Table.Td>
          <Table.Td ta="right" ff="monospace">{u.subscribed ?? "—"}</Table.Td>
          <Table.Td>{u.unit}</Table.Td>
        </Table.Tr>
      )}
    />
  );
}

function PricingTab({ accountId }: { accountId: string }) {
  return (
    <ExportTable
      query={usePricing(accountId, true)}
      testid="pricing-table"
      csv={{
        name: "prices",
        testid: "pricing-export-csv",
        columns: [
          { header: "resource", value: (p) => p.resource },
          { header: "label", value: (p) => p.label },
          { header: "amount", value: (p) => p.amount },
          { header: "currency", value: (p) => p.currency },
        ],
      }}
      head={
        <>
          <Table.Th>What</Table.Th>
          <Table.Th>Key</Table.Th>
          <Table.Th ta="right">Rate</Table.Th>
        </>
      }
      row={(p) => (
        <Table.Tr key={p.resource}>
          <Table.Td>{p.label}</Table.Td>
          <Table.Td ff="monospace">{p.resource}</Table.Td>
          <Table.Td ta="right" ff="monospace">{money(p.amount, p.currency)}</Table.Td>
        </Table.Tr>
      )}
    />
  );
}
